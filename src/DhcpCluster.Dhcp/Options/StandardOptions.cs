using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using T = DhcpCluster.Dhcp.Options.OptionDataType;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// The standard DHCPv4 option definitions with Kea's names, codes and formats (Kea ARM, "List of standard DHCPv4
/// options configurable by an administrator" and "... managed by Kea on its own"), plus classless-static-route
/// (121, Kea's internal format), and the sub-options of relay agent information (82) in
/// <c>dhcp-agent-options-space</c>.
/// </summary>
/// <remarks>
/// Two deliberate departures from the ARM's table text, which has typos there: dhcp-requested-address (50) is an
/// ipv4-address (the table says ipv6-address) and dhcp-message-type (53) is a uint8 (the table says string).
/// domain-name (15) is sent as plain text, as RFC 2132 §3.17 defines it and clients read it.
/// </remarks>
public static class StandardOptions
{
    private static readonly OptionDefinition[] Dhcp4 =
    [
        D("subnet-mask", 1, T.Ipv4Address),
        D("time-offset", 2, T.Int32),
        D("routers", 3, T.Ipv4Address, array: true),
        D("time-servers", 4, T.Ipv4Address, array: true),
        D("name-servers", 5, T.Ipv4Address, array: true),
        D("domain-name-servers", 6, T.Ipv4Address, array: true),
        D("log-servers", 7, T.Ipv4Address, array: true),
        D("cookie-servers", 8, T.Ipv4Address, array: true),
        D("lpr-servers", 9, T.Ipv4Address, array: true),
        D("impress-servers", 10, T.Ipv4Address, array: true),
        D("resource-location-servers", 11, T.Ipv4Address, array: true),
        D("host-name", 12, T.String),
        D("boot-size", 13, T.UInt16),
        D("merit-dump", 14, T.String),
        D("domain-name", 15, T.String),
        D("swap-server", 16, T.Ipv4Address),
        D("root-path", 17, T.String),
        D("extensions-path", 18, T.String),
        D("ip-forwarding", 19, T.Boolean),
        D("non-local-source-routing", 20, T.Boolean),
        D("policy-filter", 21, T.Ipv4Address, array: true),
        D("max-dgram-reassembly", 22, T.UInt16),
        D("default-ip-ttl", 23, T.UInt8),
        D("path-mtu-aging-timeout", 24, T.UInt32),
        D("path-mtu-plateau-table", 25, T.UInt16, array: true),
        D("interface-mtu", 26, T.UInt16),
        D("all-subnets-local", 27, T.Boolean),
        D("broadcast-address", 28, T.Ipv4Address),
        D("perform-mask-discovery", 29, T.Boolean),
        D("mask-supplier", 30, T.Boolean),
        D("router-discovery", 31, T.Boolean),
        D("router-solicitation-address", 32, T.Ipv4Address),
        D("static-routes", 33, T.Ipv4Address, array: true),
        D("trailer-encapsulation", 34, T.Boolean),
        D("arp-cache-timeout", 35, T.UInt32),
        D("ieee802-3-encapsulation", 36, T.Boolean),
        D("default-tcp-ttl", 37, T.UInt8),
        D("tcp-keepalive-interval", 38, T.UInt32),
        D("tcp-keepalive-garbage", 39, T.Boolean),
        D("nis-domain", 40, T.String),
        D("nis-servers", 41, T.Ipv4Address, array: true),
        D("ntp-servers", 42, T.Ipv4Address, array: true),
        D("vendor-encapsulated-options", 43, T.Empty, encapsulate: "vendor-encapsulated-options-space"),
        D("netbios-name-servers", 44, T.Ipv4Address, array: true),
        D("netbios-dd-server", 45, T.Ipv4Address, array: true),
        D("netbios-node-type", 46, T.UInt8),
        D("netbios-scope", 47, T.String),
        D("font-servers", 48, T.Ipv4Address, array: true),
        D("x-display-manager", 49, T.Ipv4Address, array: true),
        D("dhcp-requested-address", 50, T.Ipv4Address),
        D("dhcp-lease-time", 51, T.UInt32),
        D("dhcp-option-overload", 52, T.UInt8),
        D("dhcp-message-type", 53, T.UInt8),
        D("dhcp-server-identifier", 54, T.Ipv4Address),
        D("dhcp-parameter-request-list", 55, T.UInt8, array: true),
        D("dhcp-message", 56, T.String),
        D("dhcp-max-message-size", 57, T.UInt16),
        D("dhcp-renewal-time", 58, T.UInt32),
        D("dhcp-rebinding-time", 59, T.UInt32),
        D("vendor-class-identifier", 60, T.String),
        D("dhcp-client-identifier", 61, T.Binary),
        D("nwip-domain-name", 62, T.String),
        D("nwip-suboptions", 63, T.Binary),
        D("nisplus-domain-name", 64, T.String),
        D("nisplus-servers", 65, T.Ipv4Address, array: true),
        D("tftp-server-name", 66, T.String),
        D("boot-file-name", 67, T.String),
        D("mobile-ip-home-agent", 68, T.Ipv4Address, array: true),
        D("smtp-server", 69, T.Ipv4Address, array: true),
        D("pop-server", 70, T.Ipv4Address, array: true),
        D("nntp-server", 71, T.Ipv4Address, array: true),
        D("www-server", 72, T.Ipv4Address, array: true),
        D("finger-server", 73, T.Ipv4Address, array: true),
        D("irc-server", 74, T.Ipv4Address, array: true),
        D("streettalk-server", 75, T.Ipv4Address, array: true),
        D("streettalk-directory-assistance-server", 76, T.Ipv4Address, array: true),
        D("user-class", 77, T.Binary),
        D("slp-directory-agent", 78, T.Record, array: true, record: [T.Boolean, T.Ipv4Address]),
        D("slp-service-scope", 79, T.Record, record: [T.Boolean, T.String]),
        D("fqdn", 81, T.Record, record: [T.UInt8, T.UInt8, T.UInt8, T.Fqdn]),
        D("dhcp-agent-options", 82, T.Empty, encapsulate: OptionDefinition.AgentSpace),
        D("nds-server", 85, T.Ipv4Address, array: true),
        D("nds-tree-name", 86, T.String),
        D("nds-context", 87, T.String),
        D("bcms-controller-names", 88, T.Fqdn, array: true),
        D("bcms-controller-address", 89, T.Ipv4Address, array: true),
        D("authenticate", 90, T.Binary),
        D("client-last-transaction-time", 91, T.UInt32),
        D("associated-ip", 92, T.Ipv4Address, array: true),
        D("client-system", 93, T.UInt16, array: true),
        D("client-ndi", 94, T.Record, record: [T.UInt8, T.UInt8, T.UInt8]),
        D("uuid-guid", 97, T.Record, record: [T.UInt8, T.Binary]),
        D("uap-servers", 98, T.String),
        D("geoconf-civic", 99, T.Binary),
        D("pcode", 100, T.String),
        D("tcode", 101, T.String),
        D("v6-only-preferred", 108, T.UInt32),
        D("netinfo-server-address", 112, T.Ipv4Address, array: true),
        D("netinfo-server-tag", 113, T.String),
        D("v4-captive-portal", 114, T.String),
        D("auto-config", 116, T.UInt8),
        D("name-service-search", 117, T.UInt16, array: true),
        D("subnet-selection", 118, T.Ipv4Address),
        D("domain-search", 119, T.Fqdn, array: true),
        D("classless-static-route", 121, T.Internal),
        D("vivco-suboptions", 124, T.Record, record: [T.UInt32, T.Binary]),
        D("vivso-suboptions", 125, T.UInt32),
        D("pana-agent", 136, T.Ipv4Address, array: true),
        D("v4-lost", 137, T.Fqdn),
        D("capwap-ac-v4", 138, T.Ipv4Address, array: true),
        D("sip-ua-cs-domains", 141, T.Fqdn, array: true),
        D("v4-sztp-redirect", 143, T.Tuple, array: true, tupleLengthSize: 2),
        D("rdnss-selection", 146, T.Record, array: true, record: [T.UInt8, T.Ipv4Address, T.Ipv4Address, T.Fqdn]),
        D("v4-portparams", 159, T.Record, record: [T.UInt8, T.Psid]),
        D("option-6rd", 212, T.Record, array: true, record: [T.UInt8, T.UInt8, T.Ipv6Address, T.Ipv4Address]),
        D("v4-access-domain", 213, T.Fqdn),
    ];

    private static readonly OptionDefinition[] Agent =
    [
        D("circuit-id", 1, T.Binary, space: OptionDefinition.AgentSpace),
        D("remote-id", 2, T.Binary, space: OptionDefinition.AgentSpace),
        D("link-selection", 5, T.Ipv4Address, space: OptionDefinition.AgentSpace),
        D("subscriber-id", 6, T.String, space: OptionDefinition.AgentSpace),
        D("server-id-override", 11, T.Ipv4Address, space: OptionDefinition.AgentSpace),
    ];

    private static readonly FrozenDictionary<string, OptionDefinition> ByName =
        Dhcp4.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    private static readonly OptionDefinition?[] ByCode = IndexByCode(Dhcp4);

    private static readonly OptionDefinition?[] AgentByCode = IndexByCode(Agent);

    /// <summary>All standard DHCPv4 definitions (space dhcp4), by code.</summary>
    public static IReadOnlyList<OptionDefinition> All => Dhcp4;

    /// <summary>The sub-option definitions of option 82 (space dhcp-agent-options-space).</summary>
    public static IReadOnlyList<OptionDefinition> AgentSubOptions => Agent;

    /// <summary>The standard definition with Kea's name ("routers").</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out OptionDefinition? definition) =>
        ByName.TryGetValue(name, out definition);

    /// <summary>The standard definition of the code.</summary>
    public static bool TryGet(byte code, [NotNullWhen(true)] out OptionDefinition? definition)
    {
        definition = ByCode[code];
        return definition is not null;
    }

    /// <summary>The definition of an option 82 sub-option code.</summary>
    public static bool TryGetAgentSubOption(byte code, [NotNullWhen(true)] out OptionDefinition? definition)
    {
        definition = AgentByCode[code];
        return definition is not null;
    }

    private static OptionDefinition?[] IndexByCode(OptionDefinition[] definitions)
    {
        var index = new OptionDefinition?[256];
        foreach (var definition in definitions)
        {
            index[definition.Code] = definition;
        }

        return index;
    }

    private static OptionDefinition D(
        string name, int code, OptionDataType type, bool array = false, OptionDataType[]? record = null,
        string space = OptionDefinition.Dhcp4Space, string? encapsulate = null, int tupleLengthSize = 1) =>
        OptionDefinition.Create(name, code, type, array, record, space, encapsulate, tupleLengthSize);
}
