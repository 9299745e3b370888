namespace DhcpCluster.Actors;

/// <summary>
/// Base of every actor reference implementation: local actors, temporary refs, dead letters and,
/// in the remote assembly, refs to actors of other systems. Extensions implement the system-message
/// channel (<see cref="SendSystemMessage"/>) that watch, supervision and termination travel on.
/// </summary>
public abstract class InternalActorRef : IActorRef
{
    /// <inheritdoc/>
    public abstract ActorPath Path { get; }

    /// <summary>The parent reference (the ref itself for roots and temporary refs).</summary>
    public abstract InternalActorRef Parent { get; }

    /// <summary>True when the actor is known to be terminated (local knowledge only).</summary>
    public abstract bool IsTerminated { get; }

    /// <summary>The system this reference belongs to (null for system-less refs such as <see cref="Nobody"/>).</summary>
    public virtual ExtendedActorSystem? SystemOrNull => null;

    /// <summary>True for references to actors of this process.</summary>
    public virtual bool IsLocal => true;

    /// <inheritdoc/>
    public abstract void Tell(object message, IActorRef? sender);

    /// <summary>Tells a message created earlier at <paramref name="createdUtcTicks"/> (one that came from another node): an actor receiving it sees that time. References without a mailbox just tell.</summary>
    internal virtual void TellCreatedAt(object message, IActorRef? sender, long createdUtcTicks) => Tell(message, sender);

    /// <summary>Sends a system message (watch, unwatch, death notification, supervision).</summary>
    public abstract void SendSystemMessage(SystemMessage message);

    /// <summary>Stops the actor (asynchronously).</summary>
    public virtual void Stop()
    {
    }

    /// <summary>Looks up a child reference by name (local refs only), or null.</summary>
    public virtual IActorRef? GetChild(string name) => null;

    /// <inheritdoc/>
    public bool Equals(IActorRef? other) => other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Path.Uid, Path);

    /// <inheritdoc/>
    public int CompareTo(IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Path.CompareTo(other.Path);
        return c != 0 ? c : Path.Uid.CompareTo(other.Path.Uid);
    }

    /// <inheritdoc/>
    public override string ToString() => Path.Uid == 0 ? $"[{Path}]" : $"[{Path}#{Path.Uid}]";
}
