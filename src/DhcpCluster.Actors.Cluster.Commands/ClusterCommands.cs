using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;

namespace DhcpCluster.Actors.Cluster.Commands;

/// <summary>
/// Registers the <c>cluster</c> palette in a node's command registry, answered from <see cref="Cluster.Get"/>'s
/// membership: <c>show</c>, <c>status</c>, <c>leader</c> read <see cref="Cluster.State"/>; <c>join</c>, <c>leave</c>,
/// <c>down</c> and <c>down-unreachable</c> act through the cluster. Every answer carries Petabridge.Cmd's text lines
/// (<c>{"lines": [...]}</c>, which pbm prints) beside the same facts as JSON fields for <c>pbm --json</c>.
/// </summary>
public static class ClusterCommands
{
    /// <summary>The command names this module registers.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        CommandNames.ClusterShow,
        CommandNames.ClusterStatus,
        CommandNames.ClusterLeader,
        CommandNames.ClusterJoin,
        CommandNames.ClusterLeave,
        CommandNames.ClusterDown,
        CommandNames.ClusterDownUnreachable,
    ];

    /// <summary>Registers the cluster palette answering for <paramref name="cluster"/>.</summary>
    /// <exception cref="ArgumentException">A cluster command is registered already.</exception>
    public static void Register(CommandRegistry registry, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(cluster);
        registry.Register(CommandNames.ClusterShow, (_, _) => Answer(Show(cluster.State)));
        registry.Register(CommandNames.ClusterStatus, (_, _) => Answer(Status(cluster)));
        registry.Register(CommandNames.ClusterLeader, (_, _) => Answer(Leader(cluster.State)));
        registry.Register(CommandNames.ClusterJoin, static a => a.RequiredString("address"), (address, _) => Answer(Join(cluster, address)));
        registry.Register(CommandNames.ClusterLeave, static a => a.OptionalString("address"), (address, _) => Answer(Leave(cluster, address)));
        registry.Register(CommandNames.ClusterDown, static a => a.RequiredString("address"), (address, _) => Answer(Down(cluster, address)));
        registry.Register(CommandNames.ClusterDownUnreachable, (_, _) => Answer(DownUnreachable(cluster)));
    }

    /// <summary>Registers the palette when <paramref name="system"/> is a cluster member; false (nothing registered) otherwise.</summary>
    public static bool RegisterWhenClustered(CommandRegistry registry, ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!Cluster.TryGet(system, out var cluster))
        {
            return false;
        }

        Register(registry, cluster);
        return true;
    }

    /// <summary>Removes the palette (a cluster that stops).</summary>
    public static void Unregister(CommandRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var name in Names)
        {
            registry.Unregister(name);
        }
    }

    /// <summary><c>cluster show</c>: one line per member, then <c>Count: N nodes</c>.</summary>
    public static CommandResponse Show(CurrentClusterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var members = Sorted(state.Members);
        var lines = new JsonArray();
        foreach (var member in members)
        {
            lines.Add(ClusterText.MemberLine(member, state.Unreachable.Contains(member)));
        }

        lines.Add(ClusterText.Count(members.Count));
        return Lines(lines, new JsonObject
        {
            ["members"] = new JsonArray([.. members.Select(m => (JsonNode)MemberJson(m, state))]),
            ["leader"] = state.Leader?.ToString(),
            ["convergence"] = state.HasConvergence,
        });
    }

    /// <summary><c>cluster leader</c>: the leader's address, or that there is none.</summary>
    public static CommandResponse Leader(CurrentClusterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Leader is { } leader
            ? Lines([leader.ToString()], new JsonObject { ["leader"] = leader.ToString() })
            : CommandResponse.Empty("no leader: this node is not a member of a cluster", new JsonObject { ["lines"] = new JsonArray("no leader") });
    }

    private static CommandResponse Status(Cluster cluster)
    {
        var state = cluster.State;
        var self = cluster.SelfMember;
        if (self is null)
        {
            var line = $"{cluster.SelfAddress} | [{string.Join(',', cluster.SelfRoles)}] | not a member |";
            return Lines([line], new JsonObject { ["address"] = cluster.SelfAddress.ToString(), ["uid"] = cluster.SelfUniqueAddress.Uid, ["status"] = "none" });
        }

        return Lines(
            [ClusterText.MemberLine(self, unreachable: false), $"Leader: {state.Leader?.ToString() ?? "none"}", $"Unreachable: {state.Unreachable.Count}"],
            MemberJson(self, state));
    }

    private static CommandResponse Join(Cluster cluster, string text)
    {
        var address = ClusterText.ParseAddress(text, cluster.SelfAddress);
        cluster.Join(address);
        return Lines([$"Joining the cluster of {address}"], new JsonObject { ["address"] = address.ToString() });
    }

    private static CommandResponse Leave(Cluster cluster, string? text)
    {
        var member = text is null ? cluster.SelfMember : Find(cluster.State, text, cluster.SelfAddress);
        if (member is null)
        {
            return NotAMember(text ?? cluster.SelfAddress.ToString());
        }

        if (member.Status is not (MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up))
        {
            return CommandResponse.Conflict($"{member.Address} is {ClusterText.Status(member.Status)}: only a joining or up member can leave");
        }

        cluster.Leave(member.Address);
        return Lines([$"{member.Address} is leaving the cluster"], new JsonObject { ["address"] = member.Address.ToString() });
    }

    private static CommandResponse Down(Cluster cluster, string text)
    {
        var member = Find(cluster.State, text, cluster.SelfAddress);
        if (member is null)
        {
            return NotAMember(text);
        }

        cluster.Down(member.Address);
        return Lines([$"Downing {member.Address}"], new JsonObject { ["downed"] = new JsonArray(member.Address.ToString()) });
    }

    private static CommandResponse DownUnreachable(Cluster cluster)
    {
        var unreachable = Sorted(cluster.State.Unreachable);
        var lines = new JsonArray();
        foreach (var member in unreachable)
        {
            cluster.Down(member.Address);
            lines.Add($"Downing {member.Address}");
        }

        lines.Add(unreachable.Count == 0 ? "No unreachable members" : $"Downed: {unreachable.Count} nodes");
        return Lines(lines, new JsonObject { ["downed"] = new JsonArray([.. unreachable.Select(m => (JsonNode)m.Address.ToString())]) });
    }

    private static Member? Find(CurrentClusterState state, string text, Address self)
    {
        var address = ClusterText.ParseAddress(text, self);
        return state.MemberAt(address);
    }

    private static List<Member> Sorted(IEnumerable<Member> members) => [.. members.OrderBy(m => m.UniqueAddress)];

    private static JsonObject MemberJson(Member member, CurrentClusterState state) => new()
    {
        ["address"] = member.Address.ToString(),
        ["uid"] = member.UniqueAddress.Uid,
        ["roles"] = new JsonArray([.. member.Roles.Select(r => (JsonNode)r)]),
        ["status"] = ClusterText.Status(member.Status),
        ["reachable"] = !state.Unreachable.Contains(member),
        ["up-number"] = member.UpNumber,
    };

    private static CommandResponse NotAMember(string text) =>
        CommandResponse.Empty($"{text} is not a member of this cluster", new JsonObject { ["lines"] = new JsonArray($"{text} is not a member of this cluster") });

    private static CommandResponse Lines(JsonArray lines, JsonObject facts)
    {
        facts["lines"] = lines;
        return CommandResponse.Success(text: null, facts);
    }

    private static CommandResponse Lines(string[] lines, JsonObject facts) => Lines(new JsonArray([.. lines.Select(l => (JsonNode)l)]), facts);

    private static ValueTask<CommandResponse> Answer(CommandResponse response) => ValueTask.FromResult(response);
}
