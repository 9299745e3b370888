namespace DhcpCluster.Actors.Persistence;

/// <summary>The database could not be reached when the store started (and retry-on-startup is off).</summary>
public sealed class DatabaseUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
