namespace DhcpCluster.Actors;

/// <summary>A message travelling with the path elements still to resolve (remote selections).</summary>
public sealed record ActorSelectionMessage(object Message, IReadOnlyList<string> Elements) : IAutoReceivedMessage, IPossiblyHarmful;
