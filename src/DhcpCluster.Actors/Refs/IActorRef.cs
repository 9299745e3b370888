namespace DhcpCluster.Actors;

/// <summary>
/// A reference to an actor, wherever it lives. Implementations: local actors, temporary ask refs,
/// dead letters, and (in other assemblies) remote actors. Two refs are equal when path and uid are.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The path of the actor, with the address of its system.</summary>
    ActorPath Path { get; }
}
