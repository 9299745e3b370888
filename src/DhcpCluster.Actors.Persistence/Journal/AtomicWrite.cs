using DhcpCluster.Actors.Persistence.ReadModels;

namespace DhcpCluster.Actors.Persistence.Journal;

/// <summary>
/// Events of one persistence id, with consecutive sequence numbers, and the read-model changes that go
/// with them: all of it is committed, or none of it.
/// </summary>
public sealed class AtomicWrite
{
    /// <summary>Creates an atomic write.</summary>
    /// <exception cref="ArgumentException">The persistence id is empty, there are no events, or the sequence numbers are not consecutive from at least 1.</exception>
    public AtomicWrite(string persistenceId, IReadOnlyList<EventToWrite> events, IReadOnlyList<ReadModelChange>? readModelChanges = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An atomic write needs at least one event.", nameof(events));
        }

        var first = events[0].SequenceNr;
        if (first < 1)
        {
            throw new ArgumentException($"Sequence numbers start at 1; got {first} for '{persistenceId}'.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].SequenceNr != first + i)
            {
                throw new ArgumentException(
                    $"Sequence numbers of an atomic write must be consecutive; '{persistenceId}' has {events[i].SequenceNr} where {first + i} was expected.",
                    nameof(events));
            }

            if (events[i].Event is null)
            {
                throw new ArgumentException($"Event {events[i].SequenceNr} of '{persistenceId}' is null.", nameof(events));
            }
        }

        PersistenceId = persistenceId;
        Events = events;
        ReadModelChanges = readModelChanges ?? [];
    }

    /// <summary>Creates a write of a single event.</summary>
    public AtomicWrite(string persistenceId, long sequenceNr, object @event, IReadOnlyList<string>? tags = null, IReadOnlyList<ReadModelChange>? readModelChanges = null)
        : this(persistenceId, [new EventToWrite(sequenceNr, @event, tags)], readModelChanges)
    {
    }

    /// <summary>Whose events.</summary>
    public string PersistenceId { get; }

    /// <summary>The events, consecutive sequence numbers.</summary>
    public IReadOnlyList<EventToWrite> Events { get; }

    /// <summary>Read-model rows written in the same transaction.</summary>
    public IReadOnlyList<ReadModelChange> ReadModelChanges { get; }

    /// <summary>First sequence number.</summary>
    public long FromSequenceNr => Events[0].SequenceNr;

    /// <summary>Last sequence number.</summary>
    public long ToSequenceNr => Events[^1].SequenceNr;
}
