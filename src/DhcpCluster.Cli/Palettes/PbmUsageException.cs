namespace DhcpCluster.Cli.Palettes;

/// <summary>The command line is wrong; pbm prints the message and exits with <see cref="PbmExitCode.Usage"/>.</summary>
public sealed class PbmUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PbmUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PbmUsageException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PbmUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
