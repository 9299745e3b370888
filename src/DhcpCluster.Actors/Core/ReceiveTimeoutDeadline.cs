namespace DhcpCluster.Actors;

/// <summary>
/// An actor's receive timeout: the period, when the actor last handled a message that counts, and the deadline on the
/// scheduler's wheel (re-armed, never reallocated). It lives apart from the cell's extras, so an actor with a receive
/// timeout and one watcher (every client actor) needs no extras at all.
/// </summary>
internal sealed class ReceiveTimeoutDeadline(ActorCell cell) : Deadline
{
    /// <summary>The period; null once the timeout is cleared.</summary>
    public TimeSpan? Timeout;

    /// <summary>When the actor last handled a message that influences the timeout (<see cref="Environment.TickCount64"/>).</summary>
    public long LastActivity;

    protected override void Expired(long token) => cell.OnReceiveTimeoutExpired(this);
}
