namespace DhcpCluster.Actors;

/// <summary>A child tells its parent it failed.</summary>
public sealed record Failed(IActorRef Child, Exception Cause, int Uid) : SystemMessage;
