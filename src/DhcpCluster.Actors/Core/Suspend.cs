namespace DhcpCluster.Actors;

/// <summary>The supervisor suspends a child (all-for-one, or a failed parent suspending its children).</summary>
public sealed record Suspend : SystemMessage;
