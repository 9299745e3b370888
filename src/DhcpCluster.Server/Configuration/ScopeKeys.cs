using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary>The inheritable parameters of a scope (global, shared network, subnet).</summary>
internal sealed class ScopeKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public ConfigKey ValidLifetime { get; } = Dhcp4KeySets.Key(prefix + ".valid-lifetime");

    public ConfigKey RenewTimer { get; } = Dhcp4KeySets.Key(prefix + ".renew-timer");

    public ConfigKey RebindTimer { get; } = Dhcp4KeySets.Key(prefix + ".rebind-timer");

    public ConfigKey T1Percent { get; } = Dhcp4KeySets.Key(prefix + ".t1-percent");

    public ConfigKey T2Percent { get; } = Dhcp4KeySets.Key(prefix + ".t2-percent");

    public ConfigKey MatchClientId { get; } = Dhcp4KeySets.Key(prefix + ".match-client-id");

    public ConfigKey Authoritative { get; } = Dhcp4KeySets.Key(prefix + ".authoritative");

    public ConfigKey Allocator { get; } = Dhcp4KeySets.Key(prefix + ".allocator");

    public BootKeys Boot { get; } = new(prefix);

    public OptionDataKeys Options { get; } = new(prefix);
}
