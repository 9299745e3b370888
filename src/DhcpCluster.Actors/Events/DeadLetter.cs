namespace DhcpCluster.Actors;

/// <summary>A message that could not be delivered, published on the event stream.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender (null when none).</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
