namespace DhcpCluster.Actors;

/// <summary>Delivered (once) to a watcher when a watched actor has terminated.</summary>
/// <param name="ActorRef">The actor that terminated.</param>
/// <param name="ExistenceConfirmed">False when the actor was never known to exist (e.g. watched through dead letters).</param>
/// <param name="AddressTerminated">True when the whole remote system became unreachable.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IAutoReceivedMessage, IPossiblyHarmful;
