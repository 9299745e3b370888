namespace DhcpCluster.Dhcp.Codec;

/// <summary>
/// Codes of the DHCPv4 options the codec and the protocol logic use by name (RFC 2132 and later RFCs;
/// the full table of standard options with Kea's names and formats is <c>DhcpCluster.Dhcp.Options.StandardOptions</c>).
/// </summary>
public enum DhcpOptionCode : byte
{
    /// <summary>Pad (RFC 2132 §3.1).</summary>
    Pad = 0,

    /// <summary>subnet-mask (RFC 2132 §3.3).</summary>
    SubnetMask = 1,

    /// <summary>time-offset (RFC 2132 §3.4).</summary>
    TimeOffset = 2,

    /// <summary>routers (RFC 2132 §3.5).</summary>
    Routers = 3,

    /// <summary>domain-name-servers (RFC 2132 §3.8).</summary>
    DomainNameServers = 6,

    /// <summary>host-name (RFC 2132 §3.14).</summary>
    HostName = 12,

    /// <summary>domain-name (RFC 2132 §3.17).</summary>
    DomainName = 15,

    /// <summary>interface-mtu (RFC 2132 §5.1).</summary>
    InterfaceMtu = 26,

    /// <summary>broadcast-address (RFC 2132 §5.3).</summary>
    BroadcastAddress = 28,

    /// <summary>ntp-servers (RFC 2132 §8.3).</summary>
    NtpServers = 42,

    /// <summary>vendor-encapsulated-options (RFC 2132 §8.4).</summary>
    VendorEncapsulatedOptions = 43,

    /// <summary>dhcp-requested-address (RFC 2132 §9.1).</summary>
    RequestedAddress = 50,

    /// <summary>dhcp-lease-time (RFC 2132 §9.2).</summary>
    LeaseTime = 51,

    /// <summary>dhcp-option-overload (RFC 2132 §9.3).</summary>
    Overload = 52,

    /// <summary>dhcp-message-type (RFC 2132 §9.6).</summary>
    MessageType = 53,

    /// <summary>dhcp-server-identifier (RFC 2132 §9.7).</summary>
    ServerIdentifier = 54,

    /// <summary>dhcp-parameter-request-list (RFC 2132 §9.8).</summary>
    ParameterRequestList = 55,

    /// <summary>dhcp-message (RFC 2132 §9.9).</summary>
    Message = 56,

    /// <summary>dhcp-max-message-size (RFC 2132 §9.10).</summary>
    MaxMessageSize = 57,

    /// <summary>dhcp-renewal-time, T1 (RFC 2132 §9.11).</summary>
    RenewalTime = 58,

    /// <summary>dhcp-rebinding-time, T2 (RFC 2132 §9.12).</summary>
    RebindingTime = 59,

    /// <summary>vendor-class-identifier (RFC 2132 §9.13).</summary>
    VendorClassIdentifier = 60,

    /// <summary>dhcp-client-identifier (RFC 2132 §9.14, RFC 4361).</summary>
    ClientIdentifier = 61,

    /// <summary>tftp-server-name (RFC 2132 §9.4).</summary>
    TftpServerName = 66,

    /// <summary>boot-file-name (RFC 2132 §9.5).</summary>
    BootFileName = 67,

    /// <summary>user-class (RFC 3004).</summary>
    UserClass = 77,

    /// <summary>Rapid commit (RFC 4039).</summary>
    RapidCommit = 80,

    /// <summary>fqdn, client FQDN (RFC 4702).</summary>
    ClientFqdn = 81,

    /// <summary>dhcp-agent-options, relay agent information (RFC 3046).</summary>
    RelayAgentInformation = 82,

    /// <summary>client-system, client system architecture (RFC 4578).</summary>
    ClientSystemArchitecture = 93,

    /// <summary>client-ndi, client network device interface (RFC 4578).</summary>
    ClientNetworkInterface = 94,

    /// <summary>uuid-guid, client machine identifier (RFC 4578).</summary>
    ClientMachineIdentifier = 97,

    /// <summary>subnet-selection (RFC 3011).</summary>
    SubnetSelection = 118,

    /// <summary>domain-search (RFC 3397).</summary>
    DomainSearch = 119,

    /// <summary>classless-static-route (RFC 3442).</summary>
    ClasslessStaticRoute = 121,

    /// <summary>vivco-suboptions (RFC 3925).</summary>
    VendorIdentifyingVendorClass = 124,

    /// <summary>vivso-suboptions (RFC 3925).</summary>
    VendorIdentifyingVendorSpecific = 125,

    /// <summary>End (RFC 2132 §3.2).</summary>
    End = 255,
}
