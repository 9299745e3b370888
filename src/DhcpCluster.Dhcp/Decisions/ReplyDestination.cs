using System.Runtime.InteropServices;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>The address and port a reply is sent to, as the socket layer must act on it.</summary>
/// <param name="Kind">Which RFC 2131 §4.1 rule applied.</param>
/// <param name="Address">The IP destination.</param>
/// <param name="Port">The UDP destination port (67 to a relay, 68 to a client).</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct ReplyDestination(ReplyDestinationKind Kind, Ipv4Address Address, int Port)
{
    /// <summary>The DHCP server port.</summary>
    public const int ServerPort = 67;

    /// <summary>The DHCP client port.</summary>
    public const int ClientPort = 68;

    /// <summary>Whether the socket layer must address the frame to chaddr itself (raw frame or ARP entry).</summary>
    public bool RequiresLinkLayerAddress => Kind == ReplyDestinationKind.ClientHardwareAddress;

    /// <summary>
    /// Applies RFC 2131 §4.1: giaddr set → relay port 67; else ciaddr set (and not a NAK) → unicast to ciaddr; else
    /// broadcast flag or NAK → 255.255.255.255; else unicast to yiaddr at chaddr.
    /// </summary>
    public static ReplyDestination For(ReplyKind reply, Ipv4Address relayAddress, Ipv4Address clientAddress, bool broadcastFlag, Ipv4Address yourAddress)
    {
        if (reply == ReplyKind.None)
        {
            return default;
        }

        if (!relayAddress.IsAny)
        {
            return new ReplyDestination(ReplyDestinationKind.RelayAgent, relayAddress, ServerPort);
        }

        if (reply == ReplyKind.Nak)
        {
            return new ReplyDestination(ReplyDestinationKind.Broadcast, Ipv4Address.Broadcast, ClientPort);
        }

        if (!clientAddress.IsAny)
        {
            return new ReplyDestination(ReplyDestinationKind.ClientAddress, clientAddress, ClientPort);
        }

        if (broadcastFlag || yourAddress.IsAny)
        {
            return new ReplyDestination(ReplyDestinationKind.Broadcast, Ipv4Address.Broadcast, ClientPort);
        }

        return new ReplyDestination(ReplyDestinationKind.ClientHardwareAddress, yourAddress, ClientPort);
    }
}
