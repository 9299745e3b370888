using System.Globalization;
using System.Text.Json.Nodes;
using DhcpCluster.Actors.Cluster.Sharding;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;

namespace DhcpCluster.Actors.Cluster.Commands;

/// <summary>
/// Registers the <c>cluster-sharding</c> palette in a node's command registry, answered by the node's shard regions
/// (<see cref="ClusterSharding.Get"/>): <c>regions</c> lists the entity types this node runs a region for and the
/// shards each member's region hosts; <c>region-stats REGION</c> lists the shards and entity counts of this node's
/// region (<c>GetShardRegionState</c>); <c>shard-stats REGION</c> the same across the cluster
/// (<c>GetClusterShardingStats</c>). Answers carry text lines (<c>{"lines": [...]}</c>, printed by pbm) beside the
/// facts as JSON fields for <c>pbm --json</c>; an unknown region answers 3 (empty).
/// </summary>
public static class ClusterShardingCommands
{
    /// <summary>How long a query waits for the regions' answers.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The command names this module registers.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        CommandNames.ClusterShardingRegions,
        CommandNames.ClusterShardingRegionStats,
        CommandNames.ClusterShardingShardStats,
    ];

    /// <summary>Registers the palette answering for the shard regions of <paramref name="sharding"/>.</summary>
    /// <exception cref="ArgumentException">A cluster-sharding command is registered already.</exception>
    public static void Register(CommandRegistry registry, ClusterSharding sharding)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(sharding);
        registry.Register(CommandNames.ClusterShardingRegions, (_, _) => RegionsAsync(sharding));
        registry.Register(CommandNames.ClusterShardingRegionStats, static a => a.RequiredString("region"), (region, _) => RegionStatsAsync(sharding, region));
        registry.Register(CommandNames.ClusterShardingShardStats, static a => a.RequiredString("region"), (region, _) => ShardStatsAsync(sharding, region));
    }

    /// <summary>Registers the palette when <paramref name="system"/> is a cluster member; false (nothing registered) otherwise.</summary>
    public static bool RegisterWhenClustered(CommandRegistry registry, ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!Cluster.TryGet(system, out _))
        {
            return false;
        }

        Register(registry, ClusterSharding.Get(system));
        return true;
    }

    /// <summary><c>cluster-sharding regions</c>: per entity type, the members hosting a region and their shard counts.</summary>
    public static async ValueTask<CommandResponse> RegionsAsync(ClusterSharding sharding)
    {
        ArgumentNullException.ThrowIfNull(sharding);
        var names = sharding.ShardTypeNames;
        var lines = new JsonArray();
        var types = new JsonArray();
        foreach (var name in names)
        {
            var regions = await sharding.GetCurrentRegionsAsync(name, QueryTimeout).ConfigureAwait(false);
            lines.Add(name);
            var members = new JsonObject();
            foreach (var (address, shards) in regions.ShardsByRegion.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
            {
                lines.Add(Invariant($"  {address} | shards: {shards} |"));
                members[address.ToString()] = shards;
            }

            types.Add(new JsonObject { ["type-name"] = name, ["regions"] = members });
        }

        lines.Add(Invariant($"Count: {names.Count} regions"));
        return Lines(lines, new JsonObject { ["regions"] = types });
    }

    /// <summary><c>cluster-sharding region-stats REGION</c>: this node's shards of the region and their entities.</summary>
    public static async ValueTask<CommandResponse> RegionStatsAsync(ClusterSharding sharding, string region)
    {
        ArgumentNullException.ThrowIfNull(sharding);
        if (!sharding.ShardTypeNames.Contains(region, StringComparer.Ordinal))
        {
            return UnknownRegion(region);
        }

        var state = await sharding.GetShardRegionStateAsync(region, QueryTimeout).ConfigureAwait(false);
        var lines = new JsonArray();
        var shards = new JsonObject();
        var entities = 0;
        foreach (var shard in state.Shards.OrderBy(s => s.ShardId, StringComparer.Ordinal))
        {
            lines.Add(Invariant($"Shard [{shard.ShardId}] | entities: {shard.EntityIds.Count} |"));
            shards[shard.ShardId] = shard.EntityIds.Count;
            entities += shard.EntityIds.Count;
        }

        lines.Add(Invariant($"Count: {state.Shards.Count} shards, {entities} entities, {state.BufferedMessages} buffered messages"));
        return Lines(lines, new JsonObject
        {
            ["region"] = region,
            ["shards"] = shards,
            ["entities"] = entities,
            ["buffered-messages"] = state.BufferedMessages,
            ["dropped-expired"] = state.DroppedExpired,
            ["dropped-buffer-full"] = state.DroppedBufferFull,
        });
    }

    /// <summary><c>cluster-sharding shard-stats REGION</c>: the region's shards and entity counts on every member.</summary>
    public static async ValueTask<CommandResponse> ShardStatsAsync(ClusterSharding sharding, string region)
    {
        ArgumentNullException.ThrowIfNull(sharding);
        if (!sharding.ShardTypeNames.Contains(region, StringComparer.Ordinal))
        {
            return UnknownRegion(region);
        }

        var stats = await sharding.GetClusterShardingStatsAsync(region, QueryTimeout).ConfigureAwait(false);
        var lines = new JsonArray();
        var members = new JsonObject();
        foreach (var (address, regionStats) in stats.Regions.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
        {
            lines.Add(Invariant($"{address} | shards: {regionStats.Stats.Count} | entities: {regionStats.Stats.Values.Sum()} |"));
            var shards = new JsonObject();
            foreach (var (shard, count) in regionStats.Stats.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                shards[shard] = count;
            }

            members[address.ToString()] = shards;
        }

        foreach (var failed in stats.Failed)
        {
            lines.Add(Invariant($"{failed} | no answer |"));
        }

        lines.Add(Invariant($"Count: {stats.Regions.Count} regions"));
        return Lines(lines, new JsonObject
        {
            ["region"] = region,
            ["members"] = members,
            ["failed"] = new JsonArray([.. stats.Failed.Select(f => (JsonNode)f.ToString())]),
        });
    }

    private static CommandResponse UnknownRegion(string region) =>
        CommandResponse.Empty($"no shard region '{region}' on this node", new JsonObject { ["lines"] = new JsonArray($"no shard region '{region}' on this node") });

    private static CommandResponse Lines(JsonArray lines, JsonObject facts)
    {
        facts["lines"] = lines;
        return CommandResponse.Success(text: null, facts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
