using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence;
using DhcpCluster.Control.Configuration;
using DhcpCluster.Control.Endpoint;
using DhcpCluster.Control.Registry;
using DhcpCluster.Control.Status;
using DhcpCluster.Hocon;
using DhcpCluster.Node.Configuration;
using DhcpCluster.Node.Leases;
using DhcpCluster.Server.Configuration;
using DhcpCluster.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Node.Hosting;

/// <summary>
/// The commands a running node answers: the node's own (status, version, configuration, statistics, shutdown) and
/// Kea's lease commands over its pool owners. Other modules add theirs to the returned registry (the cluster
/// palette registers its <c>cluster ...</c> commands the same way) before or after the endpoint starts.
/// </summary>
public static class NodeCommands
{
    /// <summary>How long a lease command waits for a pool owner.</summary>
    public static readonly TimeSpan OwnerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Builds the registry of a node started from <paramref name="file"/>.</summary>
    public static CommandRegistry CreateRegistry(
        FileInfo file,
        ActorSystem system,
        DhcpServer dhcp,
        ServerConfiguration server,
        PersistenceStore store,
        ServerSettings settings,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(dhcp);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        var running = new RunningConfiguration(ConfigFactory.ParseFile(file.FullName), file.FullName, CheckErrors);
        var statistics = NodeStatistics.Create(dhcp.Statistics, store.GetStatistics, server.Dhcp, () => store.DatabaseMemoryInUse);
        var leases = new PoolOwnerLeaseBackend(server.Dhcp, dhcp.Owners, settings.Clock, OwnerTimeout);
        return NodeCommandEndpoint.CreateRegistry(running, statistics, new NodeProcessStatus(), leases, system, loggerFactory);
    }

    /// <summary>The errors <c>dhcp-node --check</c> would report for <paramref name="candidate"/> (warnings do not fail <c>config-test</c>).</summary>
    public static IReadOnlyList<string> CheckErrors(Config candidate) =>
        [.. ConfigurationCheck.Run(candidate, ProductModules.All).Where(p => p.Severity == ConfigProblemSeverity.Error).Select(p => p.ToString())];
}
