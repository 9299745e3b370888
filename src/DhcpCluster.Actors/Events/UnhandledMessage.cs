namespace DhcpCluster.Actors;

/// <summary>A message no behaviour of the recipient handled, published on the event stream.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
