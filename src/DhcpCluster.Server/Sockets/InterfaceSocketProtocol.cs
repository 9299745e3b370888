using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Identity;

namespace DhcpCluster.Server.Sockets;

/// <summary>Messages an <see cref="InterfaceSocketActor"/> handles.</summary>
public static class InterfaceSocketProtocol
{
    /// <summary>Send a reply as its destination says (relay and ciaddr by UDP; broadcast and chaddr as raw frames).</summary>
    /// <param name="Payload">The DHCP reply.</param>
    /// <param name="Destination">Where RFC 2131 §4.1 sends it.</param>
    /// <param name="Source">The server identifier: the source address of raw frames.</param>
    /// <param name="MessageType">The reply's type, for logs and counters.</param>
    /// <param name="Client">The client, for logs (formatted only when a log line is written).</param>
    /// <param name="TransactionId">xid, for logs.</param>
    public sealed record SendReply(byte[] Payload, ReplyDestination Destination, Ipv4Address Source, DhcpMessageType MessageType, ClientKey Client, uint TransactionId);

    /// <summary>Asks whether the socket is bound (answered with <see cref="BindState"/>).</summary>
    public sealed record GetBindState
    {
        /// <summary>The instance.</summary>
        public static GetBindState Instance { get; } = new();
    }

    /// <summary>Whether the interface's socket is open, and its link index.</summary>
    public sealed record BindState(string Interface, bool Bound, int Index);

    /// <summary>Timer message: try to open the sockets.</summary>
    internal sealed record TryBind
    {
        public static TryBind Instance { get; } = new();
    }

    /// <summary>Timer message: check the link while bound.</summary>
    internal sealed record CheckLink
    {
        public static CheckLink Instance { get; } = new();
    }

    /// <summary>The receive loop ended with an error (interface deleted, socket closed under it).</summary>
    internal sealed record ReceiveLoopFailed(long Generation, string Reason);
}
