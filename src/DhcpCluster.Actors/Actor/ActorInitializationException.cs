namespace DhcpCluster.Actors;

/// <summary>An actor failed while being created or started (constructor or <c>PreStart</c>); stops it by default.</summary>
public class ActorInitializationException : ActorsException
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException() { }

    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>The actor that failed, when known.</summary>
    public IActorRef? Actor { get; init; }
}
