using System.Collections.Concurrent;

namespace DhcpCluster.Actors;

/// <summary>Sends messages later or periodically (Akka's <c>IScheduler</c>).</summary>
public interface IScheduler
{
    /// <summary>Sends once after a delay.</summary>
    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Sends once after a delay; cancelable.</summary>
    ICancelable ScheduleTellOnceCancelable(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Sends after a delay and then every interval.</summary>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Sends after a delay and then every interval; cancelable.</summary>
    ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Runs an action once after a delay (on the thread pool: do not touch actor state from it).</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>
    /// Arms a reusable <paramref name="deadline"/> to expire after <paramref name="delay"/> (replacing its current
    /// arming): <see cref="Deadline.Expired"/> is then called once with <paramref name="token"/>, unless it is disarmed
    /// or armed again first. Nothing is allocated: for timeouts an actor arms over and over (one per request).
    /// </summary>
    void Arm(Deadline deadline, TimeSpan delay, long token = 0);

    /// <summary>Disarms <paramref name="deadline"/>; false if it was not armed. An expiry already under way may still be called.</summary>
    bool Disarm(Deadline deadline);
}
