namespace DhcpCluster.Actors.Testing;

/// <summary>A message the test actor received, with its sender.</summary>
public sealed record ReceivedMessage(object Message, IActorRef Sender);
