using DhcpCluster.Actors.Persistence.Snapshots;

namespace DhcpCluster.Actors.Persistence.PersistentActors;

/// <summary>How a persistent actor recovers: which snapshot it starts from and how far it replays.</summary>
/// <param name="FromSnapshot">Snapshot selection (<see cref="SnapshotSelectionCriteria.None"/>: replay every event).</param>
/// <param name="ToSequenceNr">Replay up to this sequence number.</param>
/// <param name="ReplayMax">Replay at most this many events.</param>
public sealed record Recovery(SnapshotSelectionCriteria FromSnapshot, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    /// <summary>Latest snapshot, then every later event (the default).</summary>
    public static Recovery Default { get; } = new(SnapshotSelectionCriteria.Latest);

    /// <summary>No recovery at all: the actor starts empty (sequence numbers still continue after the journal's highest).</summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0, 0);
}
