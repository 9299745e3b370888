using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Hocon.Tests.Keys;

/// <summary>A catalog as a module declares one; read by the registry tests (its defaults are in this project's reference.conf).</summary>
[ConfigKeyCatalog("hocon-tests")]
public static class TestCatalog
{
    public static readonly ConfigKey AskTimeout = new("hocon-tests.ask-timeout", ConfigValueType.Duration, "How long an ask waits.", "akka.actor.ask-timeout");
    public static readonly ConfigKey Retries = new("hocon-tests.retries", ConfigValueType.Int, "How often to retry.");
    public static readonly ConfigKey Nested = new("hocon-tests.nested", ConfigValueType.Object, "A nested object.");
    public static readonly ConfigKey NestedA = new("hocon-tests.nested.a", ConfigValueType.Int, "A value inside the nested object.");
    public static readonly ConfigKey Subnets = new("Dhcp4.subnet4", ConfigValueType.ObjectList, "Subnets.", "Kea Dhcp4.subnet4");
    public static readonly ConfigKey SubnetId = new("Dhcp4.subnet4[].id", ConfigValueType.Int, "Subnet id.", "Kea Dhcp4.subnet4[].id");
    public static readonly ConfigKey Pools = new("Dhcp4.subnet4[].pools", ConfigValueType.ObjectList, "Pools of a subnet.", "Kea Dhcp4.subnet4[].pools");
    public static readonly ConfigKey Pool = new("Dhcp4.subnet4[].pools[].pool", ConfigValueType.String, "Address range of a pool.", "Kea Dhcp4.subnet4[].pools[].pool");
    public static readonly ConfigKey SubnetLifetime = new("Dhcp4.subnet4[].valid-lifetime", ConfigValueType.Int, "Lease lifetime of a subnet.", "Kea Dhcp4.subnet4[].valid-lifetime");
    public static readonly ConfigKey ValidLifetime = new("Dhcp4.valid-lifetime", ConfigValueType.Int, "Lease lifetime.", "Kea Dhcp4.valid-lifetime");

    // Not a ConfigKey: ignored by the registry.
    public static readonly string NotAKey = "x";
}
