namespace DhcpCluster.Actors.Persistence.Journal;

/// <summary>The write and replay side of an event journal.</summary>
public interface IEventJournal
{
    /// <summary>
    /// Writes the events and read-model changes of <paramref name="write"/> in one transaction, batched with
    /// other callers' writes (group commit). Completes once the transaction is committed with the configured
    /// durability.
    /// </summary>
    /// <param name="write">What to write.</param>
    /// <param name="cancellationToken">Cancels waiting for room in the write queue only; once queued, a write is not cancelled.</param>
    /// <exception cref="JournalWriteRejectedException">A sequence number already exists for the persistence id, or a read-model constraint refused a row; nothing of this write was stored.</exception>
    /// <exception cref="JournalWriteFailedException">The database failed (connection lost, disk error); the write may or may not have been stored, and is never reported as done.</exception>
    Task WriteAsync(AtomicWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes several atomic writes (of one caller, usually one persistent actor) as a group: queued together,
    /// committed in order in one transaction. Each write succeeds or fails on its own, except that a rejected
    /// write rejects the writes after it in the group.
    /// </summary>
    /// <returns>Per write, null when committed, else the <see cref="JournalWriteRejectedException"/> or <see cref="JournalWriteFailedException"/>.</returns>
    Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>Replays the non-deleted events of a persistence id in sequence order.</summary>
    IAsyncEnumerable<PersistedEvent> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number ever written for the persistence id (deleted events count), 0 if none.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default);

    /// <summary>Marks the events of the persistence id up to and including <paramref name="toSequenceNr"/> deleted: they are no longer replayed or queried, and the highest sequence number stays.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
