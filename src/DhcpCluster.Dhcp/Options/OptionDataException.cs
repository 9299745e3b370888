namespace DhcpCluster.Dhcp.Options;

/// <summary>Option data text or bytes that do not match the option's definition ("routers: '192.0.2.x' is not an IPv4 address").</summary>
public sealed class OptionDataException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public OptionDataException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public OptionDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public OptionDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
