using System.Collections.Concurrent;
using DhcpCluster.Actors.Persistence.Journal;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.Health;

/// <summary>
/// Writers that behave like persistent actors under a supervisor: each writes its persistence id's next
/// sequence number; after a failed write it waits, recovers (re-reads the highest sequence number, since a
/// failed commit may still have landed) and goes on.
/// </summary>
public sealed class WriteLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _writers;
    private long _acks;
    private long _failures;

    public WriteLoad(IEventJournal journal, int writers, string prefix)
    {
        _writers = Enumerable.Range(0, writers).Select(w => Task.Run(() => RunAsync(journal, prefix + w))).ToArray();
    }

    public ConcurrentDictionary<string, long> Acknowledged { get; } = new(StringComparer.Ordinal);

    public long Acks => Interlocked.Read(ref _acks);

    public long Failures => Interlocked.Read(ref _failures);

    public async Task WaitForAcksAsync(long atLeast, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (Acks < atLeast)
        {
            await Task.Delay(20, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
        _stop.Dispose();
    }

    private async Task RunAsync(IEventJournal journal, string pid)
    {
        long next = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (next == 0)
                {
                    next = await journal.ReadHighestSequenceNrAsync(pid) + 1;
                }

                await journal.WriteAsync(new AtomicWrite(pid, next, new StringValue { Value = pid + "#" + next }));
                Acknowledged[pid] = next;
                Interlocked.Increment(ref _acks);
                next++;
            }
            catch (Exception ex) when (ex is JournalWriteFailedException or Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                Interlocked.Increment(ref _failures);
                next = 0;
                await Task.Delay(20);
            }
        }
    }
}
