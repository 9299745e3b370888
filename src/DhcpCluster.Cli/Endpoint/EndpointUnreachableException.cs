namespace DhcpCluster.Cli.Endpoint;

/// <summary>The node could not be reached, or did not answer as a command endpoint does.</summary>
public sealed class EndpointUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EndpointUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EndpointUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EndpointUnreachableException()
    {
    }
}
