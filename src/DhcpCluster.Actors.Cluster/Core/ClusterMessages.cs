namespace DhcpCluster.Actors.Cluster;

/// <summary>Messages of the cluster core daemon: the join and gossip protocol between nodes, and commands from this node.</summary>
public static class ClusterMessages
{
    /// <summary>A joining node asks a seed whether it is part of a cluster.</summary>
    public sealed record InitJoin(Address From);

    /// <summary>A seed that is a member answers: join me.</summary>
    public sealed record InitJoinAck(Address Address);

    /// <summary>A node asks a member to add it.</summary>
    public sealed record Join(UniqueAddress Node, IReadOnlyList<string> Roles);

    /// <summary>The member accepted the join and hands over its gossip.</summary>
    public sealed record Welcome(UniqueAddress From, Gossip Gossip);

    /// <summary>Membership gossip from one incarnation to another.</summary>
    public sealed record GossipEnvelope(UniqueAddress From, UniqueAddress To, Gossip Gossip);

    /// <summary>Join the cluster of the node at that address (this node's own address forms a new cluster).</summary>
    public sealed record JoinTo(Address Address);

    /// <summary>Join through the seed-node process.</summary>
    public sealed record JoinSeedNodes(IReadOnlyList<Address> Seeds);

    /// <summary>Make the member at that address leave gracefully.</summary>
    public sealed record Leave(Address Address);

    /// <summary>Down the member at that address.</summary>
    public sealed record Down(Address Address, string Reason);

    /// <summary>Down these incarnations (the split-brain resolver's decision).</summary>
    public sealed record DownMembers(IReadOnlyList<UniqueAddress> Members, string Reason);

    /// <summary>This node's failure detector changed its verdict on a member.</summary>
    public sealed record ReachabilityChanged(UniqueAddress Subject, bool Reachable);

    /// <summary>Subscribe an actor to events of the given types.</summary>
    public sealed record Subscribe(IActorRef Subscriber, ClusterEvent.SubscriptionInitialStateMode InitialStateMode, IReadOnlyList<Type> To);

    /// <summary>Stop sending events to an actor.</summary>
    public sealed record Unsubscribe(IActorRef Subscriber);

    internal sealed record GossipTick;

    internal sealed record LeaderActionsTick;

    internal sealed record JoinTick;

    internal sealed record ShutdownSelf(string Reason);
}
