using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary><c>next-server</c>, <c>server-hostname</c>, <c>boot-file-name</c> under one prefix.</summary>
internal sealed class BootKeys(string prefix)
{
    public ConfigKey NextServer { get; } = Dhcp4KeySets.Key(prefix + ".next-server");

    public ConfigKey ServerHostname { get; } = Dhcp4KeySets.Key(prefix + ".server-hostname");

    public ConfigKey BootFileName { get; } = Dhcp4KeySets.Key(prefix + ".boot-file-name");
}
