using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Cluster.Singleton;

/// <summary>Settings of a <see cref="ClusterSingletonProxy"/> (<c>dhcp-cluster.cluster.singleton-proxy.*</c>).</summary>
/// <param name="SingletonName">Name of the singleton (its manager's singleton-name).</param>
/// <param name="Role">The singleton runs on the oldest Up member with this role (empty: any member).</param>
/// <param name="SingletonIdentificationInterval">How often the proxy asks for the singleton while it does not know it.</param>
/// <param name="BufferSize">Messages kept while the singleton is unknown (0: none).</param>
public sealed record ClusterSingletonProxySettings(string SingletonName, string Role, TimeSpan SingletonIdentificationInterval, int BufferSize)
{
    /// <summary>The settings from the configuration of a cluster system.</summary>
    /// <exception cref="ConfigException">When a value is invalid.</exception>
    public static ClusterSingletonProxySettings Create(ActorSystem system)
    {
        var c = Cluster.Get(system).Config;
        var size = c.GetInt(SingletonConfigKeys.ProxyBufferSize);
        if (size is < 0 or > 10_000_000)
        {
            throw c.ErrorAt(SingletonConfigKeys.ProxyBufferSize, "must be between 0 and 10000000");
        }

        return new ClusterSingletonProxySettings(
            c.GetString(SingletonConfigKeys.ProxySingletonName),
            c.GetString(SingletonConfigKeys.ProxyRole),
            ClusterSettings.Positive(c, SingletonConfigKeys.ProxyIdentificationInterval),
            size);
    }

    /// <summary>Same settings with another role.</summary>
    public ClusterSingletonProxySettings WithRole(string role) => this with { Role = role ?? string.Empty };

    /// <summary>Same settings with another singleton name.</summary>
    public ClusterSingletonProxySettings WithSingletonName(string name) => this with { SingletonName = name };
}
