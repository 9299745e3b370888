namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys of the cluster singleton and its proxy (defaults in DhcpCluster.Actors.Cluster's reference.conf).</summary>
[ConfigKeyCatalog("dhcp-cluster.cluster.singleton (DhcpCluster.Actors.Cluster)")]
public static class SingletonConfigKeys
{
    /// <summary>Name of the singleton actor, child of its manager.</summary>
    public static readonly ConfigKey SingletonName = new(
        "dhcp-cluster.cluster.singleton.singleton-name",
        ConfigValueType.String,
        "Name of the singleton actor, the child of its ClusterSingletonManager.",
        "akka.cluster.singleton.singleton-name");

    /// <summary>The singleton runs on the oldest member with this role.</summary>
    public static readonly ConfigKey Role = new(
        "dhcp-cluster.cluster.singleton.role",
        ConfigValueType.String,
        "The singleton runs on the oldest Up member with this role (empty: the oldest Up member).",
        "akka.cluster.singleton.role");

    /// <summary>How often the new oldest asks the previous oldest to hand over.</summary>
    public static readonly ConfigKey HandOverRetryInterval = new(
        "dhcp-cluster.cluster.singleton.hand-over-retry-interval",
        ConfigValueType.Duration,
        "How often the new oldest member asks the previous oldest (leaving) member to stop its instance and hand over (HandOverToMe), until it answers HandOverDone or is removed.",
        "akka.cluster.singleton.hand-over-retry-interval");

    /// <summary>Name of the singleton the proxy finds.</summary>
    public static readonly ConfigKey ProxySingletonName = new(
        "dhcp-cluster.cluster.singleton-proxy.singleton-name",
        ConfigValueType.String,
        "Name of the singleton the proxy forwards to (the singleton-name of its manager).",
        "akka.cluster.singleton-proxy.singleton-name");

    /// <summary>The proxy looks for the singleton on the oldest member with this role.</summary>
    public static readonly ConfigKey ProxyRole = new(
        "dhcp-cluster.cluster.singleton-proxy.role",
        ConfigValueType.String,
        "The proxy looks for the singleton on the oldest member with this role (empty: any member).",
        "akka.cluster.singleton-proxy.role");

    /// <summary>How often the proxy tries to identify the singleton while it does not know it.</summary>
    public static readonly ConfigKey ProxyIdentificationInterval = new(
        "dhcp-cluster.cluster.singleton-proxy.singleton-identification-interval",
        ConfigValueType.Duration,
        "How often the proxy asks the oldest member for the singleton while it does not know where it runs.",
        "akka.cluster.singleton-proxy.singleton-identification-interval");

    /// <summary>Messages the proxy keeps while the singleton is unknown.</summary>
    public static readonly ConfigKey ProxyBufferSize = new(
        "dhcp-cluster.cluster.singleton-proxy.buffer-size",
        ConfigValueType.Int,
        "Messages the proxy keeps while it does not know the singleton; when full, the oldest is dropped (dead letters). 0 disables buffering.",
        "akka.cluster.singleton-proxy.buffer-size");

    /// <summary>Margin after a downed member's removal before its singletons and shards start elsewhere.</summary>
    public static readonly ConfigKey DownRemovalMargin = new(
        "dhcp-cluster.cluster.down-removal-margin",
        ConfigValueType.String,
        "After a member that was not handed over (crashed, downed) is removed, singletons and shards it hosted start elsewhere only after this margin, so the downed side has stopped its instances first. auto: the larger of 1s and two heartbeat intervals, plus acquire-lease-delay-for-minority under lease-majority; or a duration.",
        "akka.cluster.down-removal-margin");
}
