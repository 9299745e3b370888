namespace DhcpCluster.Control.Registry;

/// <summary>A command's arguments are missing or malformed; the endpoint answers result 1 with the message.</summary>
public sealed class CommandArgumentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CommandArgumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CommandArgumentException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CommandArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
