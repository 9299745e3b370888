namespace DhcpCluster.Actors.Persistence.Snapshots;

/// <summary>Which snapshots a load or delete considers: sequence number and timestamp at most the given bounds.</summary>
/// <param name="MaxSequenceNr">Highest sequence number considered.</param>
/// <param name="MaxTimestamp">Latest timestamp considered.</param>
/// <param name="MinSequenceNr">Lowest sequence number considered.</param>
public sealed record SnapshotSelectionCriteria(long MaxSequenceNr, DateTimeOffset MaxTimestamp, long MinSequenceNr = 0)
{
    /// <summary>Every snapshot.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTimeOffset.MaxValue);

    /// <summary>No snapshot (recovery replays all events).</summary>
    public static SnapshotSelectionCriteria None { get; } = new(0, DateTimeOffset.MinValue);

    /// <summary>Snapshots up to a sequence number.</summary>
    public static SnapshotSelectionCriteria UpTo(long maxSequenceNr) => new(maxSequenceNr, DateTimeOffset.MaxValue);
}
