namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>An envelope names a serializer or manifest this node does not know.</summary>
public sealed class UnknownManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownManifestException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UnknownManifestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
