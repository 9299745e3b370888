namespace DhcpCluster.Actors;

/// <summary>The watcher no longer wants the notification.</summary>
public sealed record Unwatch(InternalActorRef Watchee, InternalActorRef Watcher) : SystemMessage;
