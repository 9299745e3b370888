using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>Posts await continuations of async handlers back into the actor.</summary>
internal sealed class ActorSynchronizationContext : SynchronizationContext
{
    private readonly ActorCell _cell;

    public ActorSynchronizationContext(ActorCell cell) => _cell = cell;

    public override void Post(SendOrPostCallback d, object? state) => _cell.PostSystemFromContext(new RunContinuation(d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous Send into an actor would deadlock; await instead.");

    public override SynchronizationContext CreateCopy() => this;
}
