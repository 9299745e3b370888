namespace DhcpCluster.Actors;

/// <summary>Actors implementing this get <see cref="Timers"/> set by the runtime before PreStart.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers.</summary>
    ITimerScheduler Timers { get; set; }
}
