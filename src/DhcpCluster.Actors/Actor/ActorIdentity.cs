namespace DhcpCluster.Actors;

/// <summary>Answer to <see cref="Identify"/>; <see cref="Subject"/> is null when no actor exists there.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
