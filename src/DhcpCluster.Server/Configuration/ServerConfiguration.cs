using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Server.Configuration;

/// <summary>
/// Everything a node's <c>Dhcp4</c> object configures, bound and validated: the DHCP model the decisions read, the
/// interfaces to listen on, the lease database, the loggers and (until the cluster brings it) the parsed HA hook
/// settings. Immutable; produced by <see cref="ServerConfigurationBinder.Bind(DhcpCluster.Hocon.Config)"/>.
/// </summary>
public sealed record ServerConfiguration
{
    /// <summary>The pure DHCPv4 model (subnets, pools, reservations, classes, options), already built.</summary>
    public required Dhcp4Configuration Dhcp { get; init; }

    /// <summary>Kea's <c>interfaces-config</c>.</summary>
    public required InterfacesConfiguration Interfaces { get; init; }

    /// <summary>Kea's <c>lease-database</c>: configures the event journal.</summary>
    public required LeaseDatabaseConfiguration LeaseDatabase { get; init; }

    /// <summary>Kea's <c>loggers</c>.</summary>
    public required LoggersConfiguration Loggers { get; init; }

    /// <summary>The HA hook's <c>high-availability</c> settings when the hook is configured; null otherwise.</summary>
    public HighAvailabilityConfiguration? HighAvailability { get; init; }

    /// <summary>Kea's <c>hooks-libraries[].library</c>, in order (read; only lease_cmds and HA are recognised).</summary>
    public IReadOnlyList<string> HookLibraries { get; init; } = [];
}
