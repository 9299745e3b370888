namespace DhcpCluster.Actors.Remote.Transport;

/// <summary>A message waiting in an association's queue.</summary>
internal readonly record struct OutboundMessage(RemoteActorRef Recipient, object Message, IActorRef? Sender, long CreatedUtcTicks, bool IsSystem);
