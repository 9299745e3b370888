namespace DhcpCluster.Actors;

/// <summary>Creates the actor instance (first message of every actor).</summary>
public sealed record Create : SystemMessage;
