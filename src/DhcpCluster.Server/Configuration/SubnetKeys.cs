using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary>A <c>subnet4[]</c> element's keys (top level or inside a shared network).</summary>
internal sealed class SubnetKeys(string prefix)
{
    public ScopeKeys Scope { get; } = new(prefix);

    public ConfigKey Id { get; } = Dhcp4KeySets.Key(prefix + ".id");

    public ConfigKey Subnet { get; } = Dhcp4KeySets.Key(prefix + ".subnet");

    public ConfigKey Interface { get; } = Dhcp4KeySets.Key(prefix + ".interface");

    public ConfigKey ClientClass { get; } = Dhcp4KeySets.Key(prefix + ".client-class");

    public ConfigKey RelayAddresses { get; } = Dhcp4KeySets.Key(prefix + ".relay.ip-addresses");

    public ConfigKey Pools { get; } = Dhcp4KeySets.Key(prefix + ".pools");

    public ConfigKey Pool { get; } = Dhcp4KeySets.Key(prefix + ".pools[].pool");

    public ConfigKey PoolClientClass { get; } = Dhcp4KeySets.Key(prefix + ".pools[].client-class");

    public OptionDataKeys PoolOptions { get; } = new(prefix + ".pools[]");

    public ReservationKeys Reservations { get; } = new(prefix);
}
