namespace DhcpCluster.Actors;

/// <summary>An actor failed in its constructor or <c>PostRestart</c> while being restarted; stops it by default.</summary>
public sealed class PostRestartException : ActorInitializationException
{
    /// <summary>Creates the exception.</summary>
    public PostRestartException() { }

    /// <summary>Creates the exception.</summary>
    public PostRestartException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public PostRestartException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>The failure that caused the restart.</summary>
    public Exception? OriginalCause { get; init; }
}
