namespace DhcpCluster.Actors;

/// <summary>
/// Timers owned by one actor (Akka's <c>ITimerScheduler</c>): keyed, replaced by a new timer with
/// the same key, cancelled on restart and stop. A cancelled or replaced timer's message is never
/// delivered, even when it was already in the mailbox.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> to the actor once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True while a timer with that key is active.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels one timer.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer.</summary>
    void CancelAll();

    /// <summary>Keys of the active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }
}
