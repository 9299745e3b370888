using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary>A subnet's <c>reservations</c> and their element keys.</summary>
internal sealed class ReservationKeys(string subnetPrefix)
{
    public ConfigKey List { get; } = Dhcp4KeySets.Key(subnetPrefix + ".reservations");

    public ConfigKey HwAddress { get; } = Dhcp4KeySets.Key(subnetPrefix + ".reservations[].hw-address");

    public ConfigKey ClientId { get; } = Dhcp4KeySets.Key(subnetPrefix + ".reservations[].client-id");

    public ConfigKey CircuitId { get; } = Dhcp4KeySets.Key(subnetPrefix + ".reservations[].circuit-id");

    public ConfigKey Duid { get; } = Dhcp4KeySets.Key(subnetPrefix + ".reservations[].duid");

    public ConfigKey IpAddress { get; } = Dhcp4KeySets.Key(subnetPrefix + ".reservations[].ip-address");

    public ConfigKey Hostname { get; } = Dhcp4KeySets.Key(subnetPrefix + ".reservations[].hostname");

    public ConfigKey ClientClasses { get; } = Dhcp4KeySets.Key(subnetPrefix + ".reservations[].client-classes");

    public BootKeys Boot { get; } = new(subnetPrefix + ".reservations[]");

    public OptionDataKeys Options { get; } = new(subnetPrefix + ".reservations[]");
}
