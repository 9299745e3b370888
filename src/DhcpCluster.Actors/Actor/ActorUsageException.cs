namespace DhcpCluster.Actors;

/// <summary>Invalid use of the actor API (e.g. stashing the same message twice, creating an actor with <c>new</c>).</summary>
public sealed class ActorUsageException : ActorsException
{
    /// <summary>Creates the exception.</summary>
    public ActorUsageException() { }

    /// <summary>Creates the exception.</summary>
    public ActorUsageException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ActorUsageException(string message, Exception? innerException) : base(message, innerException) { }
}
