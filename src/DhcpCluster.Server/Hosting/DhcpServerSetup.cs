using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Server.Configuration;

namespace DhcpCluster.Server.Hosting;

/// <summary>Everything a <see cref="DhcpServer"/> needs to start.</summary>
/// <param name="Configuration">The built Dhcp4 configuration.</param>
/// <param name="Interfaces">The configured interfaces and how their sockets are opened and retried.</param>
/// <param name="Settings">Runtime settings of the actors.</param>
public sealed record DhcpServerSetup(Dhcp4Configuration Configuration, InterfacesConfiguration Interfaces, ServerSettings Settings)
{
    /// <summary>
    /// A Kea lease file to adopt at start (<see cref="LeaseDatabaseConfiguration.ImportFile"/>): each pool owner whose
    /// journal is still empty imports the file's leases of its domain; null imports nothing.
    /// </summary>
    public string? ImportFile { get; init; }
}
