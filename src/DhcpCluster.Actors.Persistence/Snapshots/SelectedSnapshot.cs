namespace DhcpCluster.Actors.Persistence.Snapshots;

/// <summary>A snapshot loaded from the store.</summary>
/// <param name="Metadata">Which snapshot.</param>
/// <param name="Snapshot">The deserialized state.</param>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object Snapshot);
