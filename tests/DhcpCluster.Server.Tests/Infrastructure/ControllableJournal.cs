using DhcpCluster.Actors.Persistence.Journal;

namespace DhcpCluster.Server.Tests.Infrastructure;

/// <summary>A journal decorator tests can hold (writes wait until released) or make fail (a database outage).</summary>
internal sealed class ControllableJournal(IEventJournal inner) : IEventJournal
{
    private readonly Lock gate = new();
    private TaskCompletionSource? held;
    private int writes;

    /// <summary>While true, every write fails as if the database were unreachable.</summary>
    public volatile bool Failing;

    /// <summary>Writes that reached the real journal.</summary>
    public int Writes => Volatile.Read(ref writes);

    /// <summary>Makes writes wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (gate)
        {
            held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held writes through.</summary>
    public void Release()
    {
        TaskCompletionSource? release;
        lock (gate)
        {
            release = held;
            held = null;
        }

        release?.TrySetResult();
    }

    public async Task WriteAsync(AtomicWrite write, CancellationToken cancellationToken = default)
    {
        var results = await WriteMessagesAsync([write], cancellationToken).ConfigureAwait(false);
        if (results[0] is { } error)
        {
            throw error;
        }
    }

    public async Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        Task? wait;
        lock (gate)
        {
            wait = held?.Task;
        }

        if (wait is not null)
        {
            await wait.ConfigureAwait(false);
        }

        if (Failing)
        {
            return [.. writes.Select(_ => (Exception?)new JournalWriteFailedException("database unreachable (test)"))];
        }

        Interlocked.Add(ref this.writes, writes.Count);
        return await inner.WriteMessagesAsync(writes, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<PersistedEvent> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
        inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);
}
