using DhcpCluster.Actors.Remote.Transport;

namespace DhcpCluster.Actors.Remote;

/// <summary>
/// A reference to an actor of another node. Tell queues the message on the association to that node
/// (one ordered queue per remote node, so messages between two actors keep their order); watch and
/// unwatch travel as system messages, and the watch is also remembered locally so that watchers get
/// <see cref="Terminated"/> (with AddressTerminated) when the node is lost.
/// </summary>
public sealed class RemoteActorRef : InternalActorRef
{
    private readonly RemoteTransport _transport;
    private readonly ActorPath _path;
    private Association? _association;
    private long _nodeUid;

    internal RemoteActorRef(RemoteTransport transport, ActorPath path)
    {
        _transport = transport;
        _path = path;
        SerializedPath = path.ToSerializationFormat();
    }

    /// <inheritdoc/>
    public override ActorPath Path => _path;

    /// <summary>
    /// The incarnation (uid) of the node this reference belongs to: set when the reference arrived from that node (a
    /// sender, or a reference inside a message), 0 when it was resolved from a path alone (then it reaches whichever
    /// incarnation runs at the address). Messages through a reference of an old incarnation are never delivered to a
    /// new one: the writer drops them (dead letters) and the receiving node refuses an envelope addressed to another uid.
    /// </summary>
    public long NodeUid => Volatile.Read(ref _nodeUid);

    /// <summary>The full path with uid, as written on the wire.</summary>
    public string SerializedPath { get; }

    /// <inheritdoc/>
    public override InternalActorRef Parent => this;

    /// <inheritdoc/>
    public override bool IsTerminated => false;

    /// <inheritdoc/>
    public override bool IsLocal => false;

    /// <inheritdoc/>
    public override ExtendedActorSystem? SystemOrNull => _transport.System;

    private Association Association => _association ??= _transport.AssociationFor(_path.Address);

    /// <inheritdoc/>
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        _transport.Send(Association, new OutboundMessage(this, message, sender, MessageClock.UtcNowTicks, IsSystem: false));
    }

    /// <inheritdoc/>
    public override void SendSystemMessage(SystemMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message)
        {
            case Watch watch:
                if (!_transport.RegisterWatch(this, watch.Watcher))
                {
                    return;
                }

                break;
            case Unwatch unwatch:
                _transport.RemoveWatch(this, unwatch.Watcher);
                break;
            case DeathWatchNotification:
                break;
            default:
                // Supervision and lifecycle messages never cross nodes: remote actors are not children here.
                return;
        }

        _transport.Send(Association, new OutboundMessage(this, message, null, MessageClock.UtcNowTicks, IsSystem: true));
    }

    /// <summary>Ties the reference to the incarnation it came from (the first binding stays).</summary>
    internal void BindIncarnation(long uid) => Interlocked.CompareExchange(ref _nodeUid, uid, 0);

    /// <inheritdoc/>
    public override void Stop() => Tell(PoisonPill.Instance, null);
}
