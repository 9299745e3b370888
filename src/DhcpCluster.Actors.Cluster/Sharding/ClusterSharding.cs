using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DhcpCluster.Actors.Cluster.Singleton;
using static DhcpCluster.Actors.Cluster.Sharding.ShardRegionProtocol;

namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>
/// Cluster sharding of a cluster system (Akka's <c>ClusterSharding</c> extension): <see cref="Start(string, Func{string, Props}, ClusterShardingSettings, IMessageExtractor, object?)"/>
/// starts the region of an entity type on this node (and the type's coordinator singleton on members with the
/// role), <see cref="ShardRegion"/> finds it again, and the query API (plain records) serves a command endpoint.
/// A graceful shutdown of every region runs in coordinated shutdown's cluster-sharding-shutdown-region phase
/// (unless the shutdown was started by ActorSystem.Terminate, which stops at once), and by
/// <see cref="GracefulShutdownAsync"/> before a node leaves.
/// </summary>
public sealed class ClusterSharding
{
    private static readonly ConditionalWeakTable<ActorSystem, ClusterSharding> Instances = [];
    private readonly ExtendedActorSystem _system;
    private readonly ConcurrentDictionary<string, IActorRef> _regions = new(StringComparer.Ordinal);

    private ClusterSharding(ExtendedActorSystem system)
    {
        _system = system;
        try
        {
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseClusterShardingShutdownRegion, "sharding-graceful-shutdown", async () =>
            {
                var shutdown = CoordinatedShutdown.Get(system);
                if (shutdown.ShutdownReason is not CoordinatedShutdown.ActorSystemTerminateReason)
                {
                    await GracefulShutdownAsync(shutdown.Timeout(CoordinatedShutdown.PhaseClusterShardingShutdownRegion)).ConfigureAwait(false);
                }

                return Done.Instance;
            });
        }
        catch (InvalidOperationException)
        {
            // The system is already shutting down: there is nothing to hand off gracefully any more.
        }
    }

    /// <summary>The type names started on this node.</summary>
    public IReadOnlyList<string> ShardTypeNames => [.. _regions.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The sharding of a cluster system.</summary>
    public static ClusterSharding Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _ = Cluster.Get(system);
        return Instances.GetValue(system, s => new ClusterSharding((ExtendedActorSystem)s));
    }

    /// <summary>Starts the region of <paramref name="typeName"/> (Akka's <c>ClusterSharding.Start</c>); returns it.</summary>
    /// <param name="typeName">The entity type (the same on every node).</param>
    /// <param name="entityProps">Props of the entity with that id.</param>
    /// <param name="settings">Settings (see <see cref="ClusterShardingSettings.Create"/>).</param>
    /// <param name="extractor">Finds entity and shard of a message.</param>
    /// <param name="handOffStopMessage">What entities get when their shard moves or they passivate (default PoisonPill; a message of their own lets a persistent entity finish its stashed commands first).</param>
    /// <exception cref="InvalidOperationException">When the type is already started.</exception>
    public IActorRef Start(string typeName, Func<string, Props> entityProps, ClusterShardingSettings settings, IMessageExtractor extractor, object? handOffStopMessage = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(entityProps);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(extractor);
        ActorPath.ValidateElement(typeName);
        var stop = handOffStopMessage ?? PoisonPill.Instance;
        lock (_regions)
        {
            if (_regions.ContainsKey(typeName))
            {
                throw new InvalidOperationException($"Sharding of type '{typeName}' is already started on this node.");
            }

            var cluster = Cluster.Get(_system);
            if (settings.Role.Length == 0 || cluster.SelfRoles.Contains(settings.Role, StringComparer.Ordinal))
            {
                var singleton = new ClusterSingletonManagerSettings(CoordinatorSingletonName, settings.Role, TimeSpan.FromTicks(Math.Min(settings.RetryInterval.Ticks, TimeSpan.FromSeconds(1).Ticks)), settings.RemovalMargin);
                _system.SystemActorOf(
                    ClusterSingletonManager.Props(Props.Create(() => new ShardCoordinator(typeName, settings)), PoisonPill.Instance, singleton),
                    CoordinatorManagerName(typeName));
            }

            var region = _system.SystemActorOf(Props.Create(() => new ShardRegion(typeName, entityProps, settings, extractor, stop)), RegionName(typeName));
            _regions[typeName] = region;
            return region;
        }
    }

    /// <summary>Starts a region whose entities all use the same props (each finds its id in its own name, escaped).</summary>
    public IActorRef Start(string typeName, Props entityProps, ClusterShardingSettings settings, IMessageExtractor extractor, object? handOffStopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(entityProps);
        return Start(typeName, _ => entityProps, settings, extractor, handOffStopMessage);
    }

    /// <summary>The region of a started type.</summary>
    /// <exception cref="ArgumentException">When the type was not started on this node.</exception>
    public IActorRef ShardRegion(string typeName) =>
        _regions.TryGetValue(typeName, out var region) ? region : throw new ArgumentException($"Sharding of type '{typeName}' is not started on this node.", nameof(typeName));

    /// <summary>The shards and entities of this node's region of a type.</summary>
    public Task<CurrentShardRegionState> GetShardRegionStateAsync(string typeName, TimeSpan timeout) =>
        ShardRegion(typeName).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout);

    /// <summary>The entity count per shard of every region of a type in the cluster.</summary>
    public Task<ClusterShardingStats> GetClusterShardingStatsAsync(string typeName, TimeSpan timeout) =>
        ShardRegion(typeName).Ask<ClusterShardingStats>(new GetClusterShardingStats(timeout), timeout + timeout);

    /// <summary>The regions of a type and their shard counts, as the coordinator sees them.</summary>
    public Task<CurrentRegions> GetCurrentRegionsAsync(string typeName, TimeSpan timeout) =>
        ShardRegion(typeName).Ask<CurrentRegions>(GetCurrentRegions.Instance, timeout);

    /// <summary>Hands off every shard of every region of this node and stops the regions (call before leaving).</summary>
    /// <returns>True when every region stopped within the timeout.</returns>
    public async Task<bool> GracefulShutdownAsync(TimeSpan timeout)
    {
        var stops = _regions.Values.Select(r => r.GracefulStop(timeout, GracefulShutdown.Instance)).ToList();
        var results = await Task.WhenAll(stops).ConfigureAwait(false);
        return results.All(r => r);
    }

    internal const string CoordinatorSingletonName = "singleton";

    internal static string RegionName(string typeName) => "sharding-" + typeName;

    internal static string CoordinatorManagerName(string typeName) => "sharding-" + typeName + "-coordinator";

    internal static string RegionPath(string typeName) => "/system/" + RegionName(typeName);

    internal static string CoordinatorPath(string typeName) => "/system/" + CoordinatorManagerName(typeName) + "/" + CoordinatorSingletonName;
}
