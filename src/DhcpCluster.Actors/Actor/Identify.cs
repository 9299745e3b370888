namespace DhcpCluster.Actors;

/// <summary>Asks any actor for its reference; it answers <see cref="ActorIdentity"/>.</summary>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;
