namespace DhcpCluster.Actors;

/// <summary>Runs a continuation of an async handler inside the actor (its await points).</summary>
internal sealed record RunContinuation(SendOrPostCallback Callback, object? State) : SystemMessage;
