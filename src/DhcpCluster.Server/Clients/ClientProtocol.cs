using DhcpCluster.Actors;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Server.Sockets;

namespace DhcpCluster.Server.Clients;

/// <summary>Messages a <see cref="ClientActor"/> handles.</summary>
public static class ClientProtocol
{
    /// <summary>
    /// One client message as an interface socket received it, on its way to the client's actor.
    /// </summary>
    /// <param name="Frame">The DHCP payload (the message's own copy).</param>
    /// <param name="Arrival">How it arrived (interface, addresses, local address, broadcast).</param>
    /// <param name="Socket">The interface socket actor that received it and sends the answer.</param>
    /// <param name="Key">The client's identity key (client identifier, else hardware address).</param>
    /// <param name="SubnetId">The subnet selected for it; the owner of its allocation domain decides.</param>
    /// <param name="MessageType">DHCP message type (option 53).</param>
    /// <param name="TransactionId">xid, for logs.</param>
    /// <param name="ReceivedAt">When it was received (<see cref="Environment.TickCount64"/> milliseconds).</param>
    /// <param name="Replies">The interface's send path on this node, through which the reply leaves directly; null: the reply goes to <paramref name="Socket"/> as a message.</param>
    public sealed record InboundPacket(
        byte[] Frame,
        ArrivalFacts Arrival,
        IActorRef Socket,
        ClientKey Key,
        uint SubnetId,
        DhcpMessageType MessageType,
        uint TransactionId,
        long ReceivedAt,
        ReplySender? Replies = null);

    /// <summary>
    /// From the registry, after the actor asked to be passivated: stop once every message that reached the mailbox
    /// before this one is handled (a transaction in flight finishes first). The registry holds the client's newer
    /// messages meanwhile and hands them to a fresh actor.
    /// </summary>
    public sealed record StopWhenIdle
    {
        /// <summary>The instance.</summary>
        public static StopWhenIdle Instance { get; } = new();
    }

    /// <summary>Timer message: the pool owner did not answer in time.</summary>
    internal sealed record DecisionTimedOut(long Attempt);
}
