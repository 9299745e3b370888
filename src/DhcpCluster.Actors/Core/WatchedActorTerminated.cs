namespace DhcpCluster.Actors;

/// <summary>A death-watch delivery in the mailbox: checked against the queued set, then delivered.</summary>
internal sealed record WatchedActorTerminated(IActorRef Actor, object Message) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;
