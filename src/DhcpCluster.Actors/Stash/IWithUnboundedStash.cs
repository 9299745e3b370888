namespace DhcpCluster.Actors;

/// <summary>Actors implementing this get <see cref="Stash"/> set by the runtime before PreStart.</summary>
public interface IWithUnboundedStash
{
    /// <summary>The actor's stash.</summary>
    IStash Stash { get; set; }
}
