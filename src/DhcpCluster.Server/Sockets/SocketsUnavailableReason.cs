using DhcpCluster.Actors;

namespace DhcpCluster.Server.Sockets;

/// <summary>The server stops because an interface socket could not be opened and that is fatal.</summary>
public sealed class SocketsUnavailableReason : CoordinatedShutdown.Reason
{
    /// <summary>Creates the reason.</summary>
    public SocketsUnavailableReason(string interfaceName, string problem)
    {
        InterfaceName = interfaceName;
        Problem = problem;
    }

    /// <summary>The interface.</summary>
    public string InterfaceName { get; }

    /// <summary>Why it could not be opened.</summary>
    public string Problem { get; }

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceName}: {Problem}";
}
