namespace DhcpCluster.Actors;

/// <summary>Base of the runtime's exceptions.</summary>
public class ActorsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorsException() { }

    /// <summary>Creates the exception.</summary>
    public ActorsException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ActorsException(string message, Exception? innerException) : base(message, innerException) { }
}
