namespace DhcpCluster.Sockets;

/// <summary>A socket of an interface could not be opened; <see cref="Reason"/> says why in an operator's words.</summary>
public sealed class SocketOpenException : Exception
{
    public SocketOpenException()
    {
        InterfaceName = string.Empty;
        Reason = string.Empty;
    }

    public SocketOpenException(string message)
        : base(message)
    {
        InterfaceName = string.Empty;
        Reason = message;
    }

    public SocketOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
        InterfaceName = string.Empty;
        Reason = message;
    }

    public SocketOpenException(string interfaceName, string reason, Exception? innerException)
        : base($"{interfaceName}: {reason}", innerException)
    {
        InterfaceName = interfaceName;
        Reason = reason;
    }

    public string InterfaceName { get; }

    public string Reason { get; }
}
