namespace DhcpCluster.Actors;

/// <summary>An <see cref="ActorSelection"/> matched no actor.</summary>
public sealed class ActorNotFoundException : ActorsException
{
    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException() { }

    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
}
