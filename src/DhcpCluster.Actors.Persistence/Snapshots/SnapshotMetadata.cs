namespace DhcpCluster.Actors.Persistence.Snapshots;

/// <summary>Identifies a snapshot.</summary>
/// <param name="PersistenceId">Whose state.</param>
/// <param name="SequenceNr">The last event the state includes.</param>
/// <param name="Timestamp">When it was taken (UTC).</param>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);
