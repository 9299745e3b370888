using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Hocon;

namespace DhcpCluster.Server.Configuration;

/// <summary>The inheritable parameters read from one scope (null: not set there), with where they were read.</summary>
internal sealed record ScopeValues(
    Config Element,
    ScopeKeys Keys,
    uint? ValidLifetime,
    uint? RenewTimer,
    uint? RebindTimer,
    double? T1Percent,
    double? T2Percent,
    bool? MatchClientId,
    bool? Authoritative,
    AllocatorKind? Allocator,
    Ipv4Address? NextServer,
    string? ServerHostname,
    string? BootFileName,
    OptionDataSet Options);
