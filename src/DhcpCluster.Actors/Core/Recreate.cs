namespace DhcpCluster.Actors;

/// <summary>The supervisor restarts a child.</summary>
public sealed record Recreate(Exception Cause) : SystemMessage;
