using System.Net.Sockets;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Server.Logging;
using DhcpCluster.Sockets.Packet;
using DhcpCluster.Sockets.Udp;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Server.Sockets;

/// <summary>
/// The send path of one interface, which client actors on this node use directly (any thread; <c>sendto</c> and a
/// raw frame send are thread-safe) instead of passing each reply through the interface's actor. The
/// <see cref="InterfaceSocketActor"/> still owns the sockets: it attaches them when it binds and detaches them before
/// it closes them, so a reply sent while the interface is unbound, or racing with a close, is counted as a failed
/// send (as the client retransmits) and never goes out through another socket.
/// </summary>
public sealed class ReplySender
{
    private const ushort ServerPort = 67;
    private const ushort ClientPort = 68;
    private static readonly byte[] BroadcastMac = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
    private readonly string interfaceName;
    private readonly ServerStatistics statistics;
    private readonly ILogger log;
    private Sockets? current;

    /// <summary>Creates the unattached send path of one interface.</summary>
    public ReplySender(string interfaceName, ServerStatistics statistics, ILogger log)
    {
        this.interfaceName = interfaceName;
        this.statistics = statistics;
        this.log = log;
    }

    /// <summary>Sends a reply as its destination says (relay and ciaddr by UDP; broadcast and chaddr as raw frames) and counts it.</summary>
    /// <param name="payload">The DHCP reply.</param>
    /// <param name="destination">Where RFC 2131 §4.1 sends it.</param>
    /// <param name="source">The server identifier: the source address of raw frames.</param>
    /// <param name="messageType">The reply's type, for counters and logs.</param>
    /// <param name="client">The client, for logs (formatted only when a log line is written).</param>
    /// <param name="transactionId">xid, for logs.</param>
    public void Send(byte[] payload, ReplyDestination destination, Ipv4Address source, DhcpMessageType messageType, ClientKey client, uint transactionId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var sockets = Volatile.Read(ref current);
        if (sockets is null)
        {
            statistics.CountSendFailed();
            return;
        }

        try
        {
            switch (destination.Kind)
            {
                case ReplyDestinationKind.RelayAgent:
                case ReplyDestinationKind.ClientAddress:
                    sockets.Udp.SendTo(payload, destination.Address.Value, destination.Port);
                    break;
                case ReplyDestinationKind.ClientHardwareAddress when payload.Length > 34 && payload[1] == 1 && payload[2] == 6:
                    sockets.Frames.SendUdp(payload.AsSpan(28, 6), source.Value, destination.Address.Value, ServerPort, ClientPort, payload);
                    break;
                default:
                    sockets.Frames.SendUdp(BroadcastMac, source.Value, uint.MaxValue, ServerPort, ClientPort, payload);
                    break;
            }
        }
        catch (SocketException ex)
        {
            statistics.CountSendFailed();
            DhcpLog.SendFailed(log, interfaceName, destination.Address, ex.SocketErrorCode.ToString());
            return;
        }
        catch (ObjectDisposedException)
        {
            // Closed between the read above and the send (unbound or rebinding): as if it had been unbound.
            statistics.CountSendFailed();
            return;
        }

        switch (messageType)
        {
            case DhcpMessageType.Offer:
                statistics.CountOfferSent();
                break;
            case DhcpMessageType.Ack:
                statistics.CountAckSent();
                break;
            case DhcpMessageType.Nak:
                statistics.CountNakSent();
                break;
        }

        if (log.IsEnabled(LogLevel.Debug))
        {
            DhcpLog.PacketSend(log, client.ToString(), transactionId, messageType.ToString(), destination.Address, destination.Port, interfaceName);
        }
    }

    /// <summary>Replies go out through these sockets from now on (the owner bound them).</summary>
    internal void Attach(InterfaceSocket udp, RawFrameSocket frames) => Volatile.Write(ref current, new Sockets(udp, frames));

    /// <summary>Replies fail from now on (the owner is about to close the sockets).</summary>
    internal void Detach() => Volatile.Write(ref current, null);

    private sealed record Sockets(InterfaceSocket Udp, RawFrameSocket Frames);
}
