using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>The parent of the root guardian: it completes system termination.</summary>
internal sealed class RootParentRef : InternalActorRef
{
    private readonly ActorSystemImpl _system;
    private readonly ActorPath _path;

    public RootParentRef(ActorSystemImpl system, ActorPath path)
    {
        _system = system;
        _path = path;
    }

    public override ActorPath Path => _path;

    public override InternalActorRef Parent => this;

    public override bool IsTerminated => _system.WhenTerminated.IsCompleted;

    public override void Tell(object message, IActorRef? sender)
    {
        // Nothing is ever sent here but system messages.
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case ChildTerminated:
                _system.OnRootTerminated();
                break;
            case Failed failed:
                _system.Log.LogError(failed.Cause, "The root guardian failed and is stopped: {Message}", failed.Cause.Message);
                (failed.Child as InternalActorRef)?.Stop();
                break;
        }
    }
}
