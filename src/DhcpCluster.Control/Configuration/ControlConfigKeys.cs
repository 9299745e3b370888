namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys the command endpoint reads (defaults in DhcpCluster.Control's reference.conf).</summary>
[ConfigKeyCatalog("dhcp-cluster.cmd (DhcpCluster.Control)")]
public static class ControlConfigKeys
{
    /// <summary>Listening address.</summary>
    public static readonly ConfigKey Host = new(
        "dhcp-cluster.cmd.host",
        ConfigValueType.String,
        "Address the command endpoint (pbm, Kea-style JSON over HTTP POST /) listens on; 0.0.0.0 or :: for every interface.",
        "petabridge.cmd.host");

    /// <summary>Listening port.</summary>
    public static readonly ConfigKey Port = new(
        "dhcp-cluster.cmd.port",
        ConfigValueType.Int,
        "TCP port of the command endpoint; 0 picks a free port (tests).",
        "petabridge.cmd.port");
}
