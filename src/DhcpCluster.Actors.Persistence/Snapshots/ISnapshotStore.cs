namespace DhcpCluster.Actors.Persistence.Snapshots;

/// <summary>Stores one snapshot per (persistence id, sequence number).</summary>
public interface ISnapshotStore
{
    /// <summary>Saves (or replaces) a snapshot, committed with the journal's durability.</summary>
    Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default);

    /// <summary>The youngest snapshot matching the criteria, or null.</summary>
    Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Deletes one snapshot.</summary>
    Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken cancellationToken = default);

    /// <summary>Deletes every snapshot matching the criteria.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}
