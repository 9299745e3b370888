namespace DhcpCluster.Actors.Persistence.Journal;

/// <summary>One event of an <see cref="AtomicWrite"/>.</summary>
/// <param name="SequenceNr">The event's sequence number within its persistence id (1, 2, 3, ...).</param>
/// <param name="Event">A Protobuf message registered with the store's serializer registry.</param>
/// <param name="Tags">Tags for tag queries (none when null). A tag is non-empty and has no ';'.</param>
public readonly record struct EventToWrite(long SequenceNr, object Event, IReadOnlyList<string>? Tags = null);
