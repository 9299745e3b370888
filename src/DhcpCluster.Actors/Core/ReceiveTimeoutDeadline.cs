namespace DhcpCluster.Actors;

/// <summary>An actor's receive timeout on the scheduler's wheel: one per actor that sets a receive timeout, re-armed, never reallocated.</summary>
internal sealed class ReceiveTimeoutDeadline(ActorCell cell) : Deadline
{
    protected override void Expired(long token) => cell.OnReceiveTimeoutExpired();
}
