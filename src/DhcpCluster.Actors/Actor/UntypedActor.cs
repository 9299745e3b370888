namespace DhcpCluster.Actors;

/// <summary>An actor with one handler for all messages; call <c>Unhandled</c> for the ones it does not know.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <inheritdoc/>
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Handles one message.</summary>
    protected abstract void OnReceive(object message);
}
