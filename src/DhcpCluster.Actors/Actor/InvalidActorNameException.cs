namespace DhcpCluster.Actors;

/// <summary>An actor name is empty, malformed or already taken.</summary>
public sealed class InvalidActorNameException : ActorsException
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException() { }

    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message, Exception? innerException) : base(message, innerException) { }
}
