using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Hocon.Benchmarks;

/// <summary>The keys the benchmark reads (the DHCP module declares the real ones in its own catalog).</summary>
internal static class BenchKeys
{
    public static readonly ConfigKey Dhcp4 = new("Dhcp4", ConfigValueType.Object, "DHCPv4 server configuration");
    public static readonly ConfigKey ValidLifetime = new("Dhcp4.valid-lifetime", ConfigValueType.Int, "lease lifetime, seconds");
    public static readonly ConfigKey Interfaces = new("Dhcp4.interfaces-config.interfaces", ConfigValueType.StringList, "interfaces");
    public static readonly ConfigKey Subnet4 = new("Dhcp4.subnet4", ConfigValueType.ObjectList, "subnets");
    public static readonly ConfigKey SubnetId = new("Dhcp4.subnet4[].id", ConfigValueType.Int, "subnet id");
    public static readonly ConfigKey SubnetValidLifetime = new("Dhcp4.subnet4[].valid-lifetime", ConfigValueType.Int, "subnet lease lifetime, seconds");
    public static readonly ConfigKey Subnet = new("Dhcp4.subnet4[].subnet", ConfigValueType.String, "subnet prefix");
    public static readonly ConfigKey Pools = new("Dhcp4.subnet4[].pools", ConfigValueType.ObjectList, "pools");
    public static readonly ConfigKey Pool = new("Dhcp4.subnet4[].pools[].pool", ConfigValueType.String, "pool range");
    public static readonly ConfigKey OptionData = new("Dhcp4.subnet4[].option-data", ConfigValueType.ObjectList, "options");
    public static readonly ConfigKey OptionName = new("Dhcp4.subnet4[].option-data[].name", ConfigValueType.String, "option name");
    public static readonly ConfigKey OptionCode = new("Dhcp4.subnet4[].option-data[].code", ConfigValueType.Int, "option code");
    public static readonly ConfigKey OptionDataValue = new("Dhcp4.subnet4[].option-data[].data", ConfigValueType.String, "option data");
    public static readonly ConfigKey Reservations = new("Dhcp4.subnet4[].reservations", ConfigValueType.ObjectList, "reservations");
    public static readonly ConfigKey ReservationAddress = new("Dhcp4.subnet4[].reservations[].ip-address", ConfigValueType.String, "reserved address");
}
