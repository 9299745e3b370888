namespace DhcpCluster.Dhcp.Configuration;

/// <summary>A subnet's parameters after inheritance (subnet, then shared network, then global, then Kea's default).</summary>
public sealed record EffectiveParameters(
    uint ValidLifetime,
    uint? RenewTimer,
    uint? RebindTimer,
    double T1Percent,
    double T2Percent,
    bool MatchClientId,
    bool Authoritative,
    AllocatorKind Allocator,
    Ipv4Address? NextServer,
    string? ServerHostname,
    string? BootFileName)
{
    /// <summary>T1 for a lease of the given lifetime: <c>renew-timer</c>, else <c>t1-percent</c> of the lifetime.</summary>
    public uint T1(uint lifetime) => RenewTimer is { } t ? Math.Min(t, lifetime) : (uint)(lifetime * T1Percent);

    /// <summary>T2 for a lease of the given lifetime: <c>rebind-timer</c>, else <c>t2-percent</c> of the lifetime.</summary>
    public uint T2(uint lifetime) => RebindTimer is { } t ? Math.Min(t, lifetime) : (uint)(lifetime * T2Percent);
}
