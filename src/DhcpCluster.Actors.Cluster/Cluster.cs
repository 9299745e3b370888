using System.Runtime.CompilerServices;
using DhcpCluster.Actors.Remote;
using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// The cluster membership of one actor system (Akka's <c>Cluster</c> extension): join, leave, down,
/// subscribe to events, and the query API (<see cref="State"/>: members with address, roles and status,
/// the leader, the unreachable members) that a command endpoint calls.
/// </summary>
#pragma warning disable MA0049 // Akka's public name Cluster.Get(system) is kept on purpose, so Akka users find it.
public sealed class Cluster
#pragma warning restore MA0049
{
    private static readonly ConditionalWeakTable<ActorSystem, Cluster> Instances = [];
    private readonly List<(Func<Member?, bool> Condition, TaskCompletionSource Reached)> _selfWaiters = [];
    private readonly TaskCompletionSource _shutDown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CurrentClusterState _state = CurrentClusterState.Empty;

    private Cluster(ExtendedActorSystem system, ClusterSettings settings, RemoteTransport transport)
    {
        System = system;
        Settings = settings;
        Transport = transport;
        SelfUniqueAddress = new UniqueAddress(transport.Address, transport.Uid);
        transport.MembershipManagesNodeLoss = true;
    }

    /// <summary>The system.</summary>
    public ExtendedActorSystem System { get; }

    /// <summary>The settings.</summary>
    public ClusterSettings Settings { get; }

    /// <summary>This incarnation.</summary>
    public UniqueAddress SelfUniqueAddress { get; }

    /// <summary>This node's address.</summary>
    public Address SelfAddress => SelfUniqueAddress.Address;

    /// <summary>This node's roles.</summary>
    public IReadOnlyList<string> SelfRoles => Settings.Roles;

    /// <summary>The membership as this node sees it now.</summary>
    public CurrentClusterState State => Volatile.Read(ref _state);

    /// <summary>This node as a member, or null before it joined.</summary>
    public Member? SelfMember => State.Members.FirstOrDefault(m => m.UniqueAddress.Equals(SelfUniqueAddress));

    internal RemoteTransport Transport { get; }

    internal IActorRef Core { get; private set; } = ActorRefs.Nobody;

    /// <summary>The node's configuration over the module's reference.conf (singleton and sharding settings read it).</summary>
    internal Config Config { get; private set; } = ClusterSettings.Reference;

    /// <summary>The cluster of a system created by <see cref="ClusterSystem.Create"/>.</summary>
    /// <exception cref="InvalidOperationException">When the system has no cluster.</exception>
    public static Cluster Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Instances.TryGetValue(system, out var cluster) ? cluster : throw new InvalidOperationException($"Actor system {system.Name} has no cluster: create it with ClusterSystem.Create.");
    }

    /// <summary>The cluster of a system, if it has one (a host that runs local or cluster systems by configuration).</summary>
    public static bool TryGet(ActorSystem system, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Cluster? cluster)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Instances.TryGetValue(system, out cluster);
    }

    /// <summary>Joins the cluster of the node at <paramref name="address"/> (this node's own address forms a new cluster).</summary>
    public void Join(Address address) => Core.Tell(new ClusterMessages.JoinTo(address), null);

    /// <summary>Joins through seed nodes.</summary>
    public void JoinSeedNodes(IEnumerable<Address> seeds) => Core.Tell(new ClusterMessages.JoinSeedNodes([.. seeds]), null);

    /// <summary>Makes the member at that address leave gracefully.</summary>
    public void Leave(Address address) => Core.Tell(new ClusterMessages.Leave(address), null);

    /// <summary>Downs the member at that address.</summary>
    public void Down(Address address) => Core.Tell(new ClusterMessages.Down(address, "downed by an operator"), null);

    /// <summary>Sends cluster events of the given types (and subtypes) to the subscriber.</summary>
    public void Subscribe(IActorRef subscriber, ClusterEvent.SubscriptionInitialStateMode initialStateMode, params Type[] to)
    {
        ArgumentNullException.ThrowIfNull(to);
        Core.Tell(new ClusterMessages.Subscribe(subscriber, initialStateMode, to.Length == 0 ? [typeof(ClusterEvent.IClusterDomainEvent)] : to), null);
    }

    /// <summary>Stops sending events to the subscriber.</summary>
    public void Unsubscribe(IActorRef subscriber) => Core.Tell(new ClusterMessages.Unsubscribe(subscriber), null);

    internal static Cluster Start(ActorSystem system, ClusterSettings settings, Config? config = null)
    {
        var extended = (ExtendedActorSystem)system;
        var cluster = new Cluster(extended, settings, RemoteActorSystem.Transport(system)) { Config = config ?? ClusterSettings.Reference };
        Instances.Add(system, cluster);
        cluster.Core = extended.SystemActorOf(Props.Create(() => new ClusterCoreDaemon(cluster)), "cluster");
        LeaveOnShutdown.Register(cluster);
        return cluster;
    }

    /// <summary>Completes once this node as a member (null when it is not, or no longer, one) meets the condition.</summary>
    internal Task WhenSelf(Func<Member?, bool> condition)
    {
        lock (_selfWaiters)
        {
            if (condition(SelfMember))
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _selfWaiters.Add((condition, reached));
            return reached.Task;
        }
    }

    /// <summary>Completes when this incarnation shuts itself down (downed, or removed after leaving: it cannot rejoin).</summary>
    internal Task WhenShutDown => _shutDown.Task;

    internal void MarkShutDown() => _shutDown.TrySetResult();

    internal void SetState(CurrentClusterState state)
    {
        Volatile.Write(ref _state, state);
        lock (_selfWaiters)
        {
            if (_selfWaiters.Count == 0)
            {
                return;
            }

            var self = SelfMember;
            _selfWaiters.RemoveAll(w => w.Condition(self) && w.Reached.TrySetResult());
        }
    }
}
