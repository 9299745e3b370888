using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Cluster.Singleton;

/// <summary>Settings of a <see cref="ClusterSingletonManager"/> (<c>dhcp-cluster.cluster.singleton.*</c>).</summary>
/// <param name="SingletonName">Name of the singleton actor (child of the manager).</param>
/// <param name="Role">The singleton runs on the oldest Up member with this role (empty: any member).</param>
/// <param name="HandOverRetryInterval">How often the new oldest asks the previous one to hand over.</param>
/// <param name="RemovalMargin">Wait after the removal of a member that did not hand over before starting here.</param>
public sealed record ClusterSingletonManagerSettings(string SingletonName, string Role, TimeSpan HandOverRetryInterval, TimeSpan RemovalMargin)
{
    /// <summary>The settings from the configuration of a cluster system.</summary>
    /// <exception cref="ConfigException">When a value is invalid.</exception>
    public static ClusterSingletonManagerSettings Create(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        var c = cluster.Config;
        var name = c.GetString(SingletonConfigKeys.SingletonName);
        if (name.Length == 0)
        {
            throw c.ErrorAt(SingletonConfigKeys.SingletonName, "must not be empty");
        }

        return new ClusterSingletonManagerSettings(
            name,
            c.GetString(SingletonConfigKeys.Role),
            ClusterSettings.Positive(c, SingletonConfigKeys.HandOverRetryInterval),
            DownRemovalMargin.Read(c, cluster.Settings));
    }

    /// <summary>Same settings with another role.</summary>
    public ClusterSingletonManagerSettings WithRole(string role) => this with { Role = role ?? string.Empty };

    /// <summary>Same settings with another singleton name.</summary>
    public ClusterSingletonManagerSettings WithSingletonName(string name) => this with { SingletonName = name };
}
