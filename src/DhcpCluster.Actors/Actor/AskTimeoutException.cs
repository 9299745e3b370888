namespace DhcpCluster.Actors;

/// <summary>An <c>Ask</c> got no answer in time, or its target was already terminated.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException() { }

    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message, Exception? innerException) : base(message, innerException) { }
}
