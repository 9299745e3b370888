namespace DhcpCluster.Actors;

/// <summary>
/// Resolves paths to references (Akka's <c>IActorRefProvider</c>). The local provider knows this
/// system's actors; a remote provider (installed through <see cref="ActorSystemSetup.ProviderFactory"/>)
/// wraps it and returns remote references for paths of other addresses.
/// </summary>
public interface IActorRefProvider
{
    /// <summary>The address of this system (host and port once a transport is bound).</summary>
    Address DefaultAddress { get; }

    /// <summary>The root path of this system.</summary>
    ActorPath RootPath { get; }

    /// <summary>The dead-letter office.</summary>
    IActorRef DeadLetters { get; }

    /// <summary>True when an address is this system's.</summary>
    bool HasAddress(Address address);

    /// <summary>
    /// The reference for a path: a live local actor, a remote reference, or for a local path with no
    /// actor a reference whose messages go to dead letters.
    /// </summary>
    IActorRef ResolveActorRef(ActorPath path);
}
