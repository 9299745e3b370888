namespace DhcpCluster.Actors;

/// <summary>Tells a watcher that the watched actor terminated.</summary>
public sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed, bool AddressTerminated) : SystemMessage;
