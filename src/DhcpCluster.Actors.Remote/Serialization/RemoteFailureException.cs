namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>A failure reported by an actor on another node (its exception's type name and message).</summary>
public sealed class RemoteFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteFailureException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RemoteFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RemoteFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from the remote exception's type name and message.</summary>
    public RemoteFailureException(string remoteType, string message)
        : base($"{remoteType}: {message}") => RemoteType = remoteType;

    /// <summary>The type name of the exception on the remote node.</summary>
    public string RemoteType { get; } = string.Empty;
}
