namespace DhcpCluster.Actors.Persistence.Journal;

/// <summary>
/// The database refused a write because of a constraint: a sequence number that already exists for the
/// persistence id (another writer of the same id got there first), or a unique constraint of a read-model
/// table. Nothing of the write was stored; other writes of the same batch are not affected.
/// </summary>
public sealed class JournalWriteRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalWriteRejectedException(string persistenceId, long fromSequenceNr, long toSequenceNr, Exception innerException)
        : base($"Write of persistence id '{persistenceId}' sequence numbers {fromSequenceNr}..{toSequenceNr} was rejected by a constraint: {innerException?.Message}", innerException)
    {
        PersistenceId = persistenceId;
        FromSequenceNr = fromSequenceNr;
        ToSequenceNr = toSequenceNr;
    }

    /// <summary>Creates the exception.</summary>
    public JournalWriteRejectedException()
    {
        PersistenceId = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalWriteRejectedException(string message)
        : base(message)
    {
        PersistenceId = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public JournalWriteRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        PersistenceId = string.Empty;
    }

    /// <summary>
    /// True when the write collided with an existing (persistence id, sequence number): another writer of the same
    /// persistence id is alive, or this one is stale. A persistent actor stops on it; other rejections (read-model
    /// constraints) leave it running.
    /// </summary>
    public bool IsDuplicateSequenceNr { get; init; }

    /// <summary>Whose write was rejected.</summary>
    public string PersistenceId { get; }

    /// <summary>First sequence number of the rejected write.</summary>
    public long FromSequenceNr { get; }

    /// <summary>Last sequence number of the rejected write.</summary>
    public long ToSequenceNr { get; }
}
