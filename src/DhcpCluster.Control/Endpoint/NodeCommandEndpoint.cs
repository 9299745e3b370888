using DhcpCluster.Actors;
using DhcpCluster.Control.Configuration;
using DhcpCluster.Control.Leases;
using DhcpCluster.Control.Registry;
using DhcpCluster.Control.Server;
using DhcpCluster.Control.Statistics;
using DhcpCluster.Control.Status;
using DhcpCluster.Hocon;
using DhcpCluster.Statistics;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Control.Endpoint;

/// <summary>
/// Puts a node's command endpoint together: the registry with the node's commands (status, version, configuration,
/// statistics, shutdown, and the lease commands when a backend is given) and the endpoint listening where
/// <c>dhcp-cluster.cmd</c> says, stopped by the coordinated shutdown's service-unbind phase.
/// </summary>
public static class NodeCommandEndpoint
{
    /// <summary>Builds the registry with the node's commands.</summary>
    public static CommandRegistry CreateRegistry(
        RunningConfiguration configuration,
        StatisticsRegistry statistics,
        NodeProcessStatus status,
        ILeaseCommandsBackend? leases,
        ActorSystem? system,
        ILoggerFactory? loggerFactory = null)
    {
        var registry = new CommandRegistry(loggerFactory?.CreateLogger<CommandRegistry>());
        ServerCommands.Register(registry, status, system);
        ConfigCommands.Register(registry, configuration);
        StatisticCommands.Register(registry, statistics);
        if (leases is not null)
        {
            LeaseCommands.Register(registry, leases);
        }

        return registry;
    }

    /// <summary>Starts the endpoint of <paramref name="registry"/> as <paramref name="config"/> says and stops it when <paramref name="system"/> shuts down.</summary>
    public static async Task<ControlEndpoint> StartAsync(Config config, CommandRegistry registry, ActorSystem? system, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var endpoint = new ControlEndpoint(ControlEndpointSettings.FromConfig(config), registry, loggerFactory);
        await endpoint.StartAsync(cancellationToken).ConfigureAwait(false);
        var stopsWithSystem = system is null || CoordinatedShutdown.Get(system).TryAddTask(CoordinatedShutdown.PhaseServiceUnbind, "stop-command-endpoint", async () =>
        {
            await endpoint.StopAsync().ConfigureAwait(false);
            return Done.Instance;
        });
        if (!stopsWithSystem)
        {
            // The shutdown began (SIGTERM) while the endpoint was starting: it stops now instead of in its phase.
            await endpoint.StopAsync().ConfigureAwait(false);
        }

        return endpoint;
    }
}
