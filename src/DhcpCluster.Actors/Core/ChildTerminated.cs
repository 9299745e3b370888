namespace DhcpCluster.Actors;

/// <summary>A child tells its parent it terminated.</summary>
public sealed record ChildTerminated(IActorRef Child) : SystemMessage;
