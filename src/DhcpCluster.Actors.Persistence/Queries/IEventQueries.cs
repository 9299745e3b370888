using DhcpCluster.Actors.Persistence.Journal;

namespace DhcpCluster.Actors.Persistence.Queries;

/// <summary>Read-side queries over the journal (Akka's persistence query: by tag, by global ordering, persistence ids), current and live.</summary>
/// <remarks>Offsets are journal orderings, exclusive: pass the last ordering seen to continue after it.</remarks>
public interface IEventQueries
{
    /// <summary>Events with the tag, in ordering, that are in the journal now; then the sequence ends.</summary>
    IAsyncEnumerable<PersistedEvent> CurrentEventsByTag(string tag, long afterOrdering = 0, CancellationToken cancellationToken = default);

    /// <summary>Events with the tag, in ordering, including those written later; ends only when cancelled.</summary>
    IAsyncEnumerable<PersistedEvent> EventsByTag(string tag, long afterOrdering = 0, CancellationToken cancellationToken = default);

    /// <summary>All events in ordering that are in the journal now.</summary>
    IAsyncEnumerable<PersistedEvent> CurrentAllEvents(long afterOrdering = 0, CancellationToken cancellationToken = default);

    /// <summary>All events in ordering, including those written later; ends only when cancelled.</summary>
    IAsyncEnumerable<PersistedEvent> AllEvents(long afterOrdering = 0, CancellationToken cancellationToken = default);

    /// <summary>Every persistence id that has written an event.</summary>
    IAsyncEnumerable<string> CurrentPersistenceIds(CancellationToken cancellationToken = default);
}
