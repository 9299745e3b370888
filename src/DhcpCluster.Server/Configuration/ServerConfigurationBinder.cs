using DhcpCluster.Hocon;

namespace DhcpCluster.Server.Configuration;

/// <summary>
/// Binds the <c>Dhcp4</c> object of a node's configuration (ISC Kea's keys) to a <see cref="ServerConfiguration"/>,
/// validating it as Kea does. User mistakes never throw: each is a <see cref="ConfigurationProblem"/> with file, line,
/// column and full key path (<c>Dhcp4.subnet4[2].pools[0].pool</c>); the configuration is null when any is an error.
/// </summary>
public static class ServerConfigurationBinder
{
    /// <summary>Binds the <c>Dhcp4</c> object of <paramref name="root"/> (a resolved configuration, e.g. from <c>ConfigFactory.Load</c>).</summary>
    public static ServerConfigurationBinding Bind(Config root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new Dhcp4Binder(root).Bind();
    }
}
