namespace DhcpCluster.Actors;

/// <summary>Marks messages the actor cell handles itself before the actor's behaviour sees them.</summary>
internal interface IAutoReceivedMessage;
