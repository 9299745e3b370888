namespace DhcpCluster.Logging.Configuration;

/// <summary>A logger specification cannot be used; the message names the logger and the problem.</summary>
public sealed class KeaLoggingConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeaLoggingConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public KeaLoggingConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public KeaLoggingConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
