using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;

namespace DhcpCluster.Cli.Palettes;

/// <summary>
/// The <c>cluster</c> and <c>cluster-sharding</c> palettes. The commands are sent to the node; a node that is not a
/// cluster member (or has no sharding) answers 2 and pbm says they are not available on this node.
/// </summary>
public static class ClusterPalettes
{
    /// <summary>The cluster palette's name.</summary>
    public const string Cluster = "cluster";

    /// <summary>The sharding palette's name.</summary>
    public const string ClusterSharding = "cluster-sharding";

    /// <summary>The palettes' commands.</summary>
    public static IReadOnlyList<PaletteCommand> Commands { get; } =
    [
        new(Cluster, "show", string.Empty, "lists the members: address | [roles] | status |", CommandNames.ClusterShow, [], NoArguments, RenderLines),
        new(Cluster, "status", string.Empty, "shows this member's status", CommandNames.ClusterStatus, [], NoArguments, RenderLines),
        new(Cluster, "leader", string.Empty, "shows the leader", CommandNames.ClusterLeader, [], NoArguments, RenderLines),
        new(Cluster, "join", "ADDRESS", "joins the cluster of a member", CommandNames.ClusterJoin, [], AddressArgument, RenderLines),
        new(Cluster, "leave", "[ADDRESS]", "makes a member (default: this node) leave", CommandNames.ClusterLeave, [], OptionalAddressArgument, RenderLines),
        new(Cluster, "down", "ADDRESS", "downs a member", CommandNames.ClusterDown, [], AddressArgument, RenderLines),
        new(Cluster, "down-unreachable", string.Empty, "downs every unreachable member", CommandNames.ClusterDownUnreachable, [], NoArguments, RenderLines),
        new(ClusterSharding, "regions", string.Empty, "lists the sharding regions of this node", CommandNames.ClusterShardingRegions, [], NoArguments, RenderLines),
        new(ClusterSharding, "region-stats", "REGION", "entities per shard of a region on this node", CommandNames.ClusterShardingRegionStats, [], RegionArgument, RenderLines),
        new(ClusterSharding, "shard-stats", "REGION", "shards and entities of a region across the cluster", CommandNames.ClusterShardingShardStats, [], RegionArgument, RenderLines),
    ];

    private static JsonObject? NoArguments(PaletteInput input) =>
        input.Positional.Count == 0 ? null : throw new PbmUsageException($"unexpected argument '{input.Positional[0]}'");

    private static JsonObject AddressArgument(PaletteInput input) =>
        input.Positional.Count == 1 ? new JsonObject { ["address"] = input.Positional[0] } : throw new PbmUsageException("expected ADDRESS");

    private static JsonObject? OptionalAddressArgument(PaletteInput input) =>
        input.Positional.Count switch
        {
            0 => null,
            1 => new JsonObject { ["address"] = input.Positional[0] },
            _ => throw new PbmUsageException($"unexpected argument '{input.Positional[1]}'"),
        };

    private static JsonObject RegionArgument(PaletteInput input) =>
        input.Positional.Count == 1 ? new JsonObject { ["region"] = input.Positional[0] } : throw new PbmUsageException("expected REGION");

    /// <summary>Cluster commands answer text lines (Petabridge.Cmd style): arguments <c>{"lines": [...]}</c>, else the text.</summary>
    private static void RenderLines(CommandResponse response, PaletteInput input, TextWriter output)
    {
        if (response.Arguments is JsonObject { } arguments && arguments["lines"] is JsonArray lines)
        {
            foreach (var line in lines)
            {
                output.WriteLine(line?.GetValue<string>());
            }
        }
        else
        {
            output.WriteLine(response.Text ?? "ok");
        }
    }
}
