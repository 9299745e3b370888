namespace DhcpCluster.Actors;

/// <summary>The supervisor resumes a failed child.</summary>
public sealed record Resume(Exception? CausedByFailure) : SystemMessage;
