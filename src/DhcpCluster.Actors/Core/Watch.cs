namespace DhcpCluster.Actors;

/// <summary>The watcher asks the watchee to notify it on termination.</summary>
public sealed record Watch(InternalActorRef Watchee, InternalActorRef Watcher) : SystemMessage;
