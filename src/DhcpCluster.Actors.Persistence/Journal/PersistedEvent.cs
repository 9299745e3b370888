namespace DhcpCluster.Actors.Persistence.Journal;

/// <summary>An event read back from the journal.</summary>
/// <param name="Ordering">Global position in the journal (the offset of queries).</param>
/// <param name="PersistenceId">Whose event.</param>
/// <param name="SequenceNr">Position within the persistence id.</param>
/// <param name="Event">The deserialized message.</param>
/// <param name="Manifest">Stored manifest.</param>
/// <param name="Timestamp">When it was written (UTC).</param>
/// <param name="WriterId">Which journal instance wrote it.</param>
/// <param name="Tags">Its tags.</param>
public sealed record PersistedEvent(
    long Ordering,
    string PersistenceId,
    long SequenceNr,
    object Event,
    string Manifest,
    DateTimeOffset Timestamp,
    Guid WriterId,
    IReadOnlyList<string> Tags);
