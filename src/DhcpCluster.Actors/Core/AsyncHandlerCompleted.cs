namespace DhcpCluster.Actors;

/// <summary>The task of an async handler finished.</summary>
internal sealed record AsyncHandlerCompleted(Task Task, int Generation) : SystemMessage;
