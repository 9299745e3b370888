namespace DhcpCluster.Actors;

/// <summary>Stops the actor.</summary>
public sealed record Terminate : SystemMessage;
