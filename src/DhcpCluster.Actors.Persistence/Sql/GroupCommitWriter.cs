using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.Journal;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>
/// Group commit: callers queue writes; each writer lane takes what is queued (up to batch-size writes,
/// optionally lingering for more) and commits it in one transaction, so one fsync / synchronous commit
/// covers the whole batch. A write is completed only after its transaction committed. Each lane runs on a
/// <see cref="LaneThread"/> of its own (its awaits resume there: ConfigureAwait(true) on purpose), and the actor turns
/// its completions cause on a dispatcher with dedicated threads run on that lane thread too (a
/// <see cref="DispatcherHelper"/>), so a commit wakes neither a pool worker nor a dispatcher thread.
/// </summary>
/// <remarks>
/// Isolation of a refused write: the batch is first tried as a whole. If any statement violates a
/// constraint (a duplicate sequence number, a read-model unique key), that transaction is rolled back and
/// the same batch is run again in a new transaction with a savepoint around each atomic write; a write
/// whose statements violate a constraint is rolled back to its savepoint and rejected with
/// <see cref="JournalWriteRejectedException"/>, the others commit together. Any other error fails every
/// write of the batch with <see cref="JournalWriteFailedException"/> (never success: the outcome of an
/// interrupted commit is unknown) and hands the error to the <see cref="DatabaseHealthMonitor"/>.
/// </remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly DatabaseHealthMonitor _health;
    private readonly Action _committed;
    private readonly Channel<PendingWrite> _queue;
    private readonly Task[] _lanes;
    private readonly int _batchSize;
    private readonly TimeSpan _linger;
    private long _commits;
    private long _synchronousCommits;
    private long _eventsWritten;
    private long _writesAccepted;
    private long _writesRejected;
    private long _writesFailed;
    private long _batchRetries;
    private long _largestCommit;
    private long _transactionTicks;
    private long _commitTicks;
    private string _durability = "unknown (no commit yet)";

    public GroupCommitWriter(SqlDialect dialect, DatabaseHealthMonitor health, Action committed)
    {
        _dialect = dialect;
        _health = health;
        _committed = committed;
        var options = dialect.Options;
        _batchSize = options.BatchSize;
        _linger = options.MaxBatchLinger;
        var lanes = dialect.OrderingVisibleInOrder ? 1 : options.Parallelism;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.BufferSize)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = lanes == 1,
            SingleWriter = false,
        });
        _lanes = new Task[lanes];
        for (var i = 0; i < lanes; i++)
        {
            _lanes[i] = LaneThread.Run(lanes == 1 ? "journal-lane" : $"journal-lane-{i + 1}", RunLaneAsync);
        }
    }

    public ValueTask EnqueueAsync(PendingWrite write, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(write, cancellationToken);

    public JournalStatistics Statistics => new(
        Interlocked.Read(ref _commits),
        Interlocked.Read(ref _synchronousCommits),
        Interlocked.Read(ref _eventsWritten),
        Interlocked.Read(ref _writesAccepted),
        Interlocked.Read(ref _writesRejected),
        Interlocked.Read(ref _writesFailed),
        Interlocked.Read(ref _batchRetries),
        Interlocked.Read(ref _largestCommit),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _transactionTicks)).TotalSeconds,
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _commitTicks)).TotalSeconds,
        Volatile.Read(ref _durability));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_lanes).ConfigureAwait(false);
    }

    private async Task RunLaneAsync()
    {
        var batch = new List<PendingWrite>(_batchSize);
        var reader = _queue.Reader;
        var lane = new LaneConnection();
        while (await reader.WaitToReadAsync().ConfigureAwait(true))
        {
            while (batch.Count < _batchSize && reader.TryRead(out var write))
            {
                AddWithGroup(batch, write);
            }

            if (_linger > TimeSpan.Zero && batch.Count < _batchSize)
            {
                await LingerAsync(batch).ConfigureAwait(true);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            if (!_health.WritesMayBeTried)
            {
                FailAll(batch, new JournalWriteFailedException($"The journal database is unavailable ({_health.Current.Status}): {_health.Current.LastError}"));
                continue;
            }

            await CommitOrFailAsync(lane, batch).ConfigureAwait(true);
            batch.Clear();
        }

        await lane.CloseAsync().ConfigureAwait(true);
    }

    private async Task CommitOrFailAsync(LaneConnection lane, List<PendingWrite> batch)
    {
        try
        {
            if (lane.Connection is null)
            {
                lane.Connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(true);
                var durability = await _dialect.ReadDurabilityAsync(lane.Connection, CancellationToken.None).ConfigureAwait(true);
                Volatile.Write(ref _durability, durability.Description);
                lane.Synchronous = durability.Synchronous;
                lane.Inserter = _dialect.CreateInserter(lane.Connection);
            }

            await CommitAsync(lane, batch).ConfigureAwait(true);
            if (_health.Current.Status != DatabaseStatus.Connected)
            {
                _health.ReportConnected();
            }
        }
#pragma warning disable CA1031 // every database error fails the batch and goes to the health monitor; the lane must live on
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FailAll(batch, new JournalWriteFailedException($"The journal database failed while writing; the write was not acknowledged: {ex.Message}", ex));
            await lane.CloseAsync().ConfigureAwait(true);
            _dialect.ForgetPooledConnections();
            _health.ReportFailure(ex);
        }
    }

    private static void AddWithGroup(List<PendingWrite> batch, PendingWrite write)
    {
        for (var next = write; next is not null; next = next.NextInGroup)
        {
            batch.Add(next);
        }
    }

    private async Task LingerAsync(List<PendingWrite> batch)
    {
        using var lingerEnd = new CancellationTokenSource(_linger);
        try
        {
            while (batch.Count < _batchSize && await _queue.Reader.WaitToReadAsync(lingerEnd.Token).ConfigureAwait(true))
            {
                while (batch.Count < _batchSize && _queue.Reader.TryRead(out var write))
                {
                    AddWithGroup(batch, write);
                }
            }
        }
        catch (OperationCanceledException) when (lingerEnd.IsCancellationRequested)
        {
            // linger time is up: commit what we have
        }
    }

    private async Task CommitAsync(LaneConnection lane, List<PendingWrite> batch)
    {
        var inserter = lane.Inserter!;
        var committed = inserter is IStatementTransactions statements
            ? await TryCommitWithStatementsAsync(statements, inserter, batch).ConfigureAwait(true)
            : await TryCommitWithProviderTransactionAsync(lane.Connection!, inserter, batch).ConfigureAwait(true);
        if (!committed)
        {
            await CommitOneByOneAsync(lane, batch).ConfigureAwait(true);
            return;
        }

        Count(lane, batch, rejected: null);
    }

    /// <summary>
    /// The batch in one transaction of the provider's; false when a constraint rejected a write (rolled back: the batch
    /// is retried one by one). Any other failure throws, and disposing the transaction rolls it back.
    /// </summary>
    private async Task<bool> TryCommitWithProviderTransactionAsync(DbConnection connection, IBatchInserter inserter, List<PendingWrite> batch)
    {
        var began = Stopwatch.GetTimestamp();
        var transaction = await connection.BeginTransactionAsync().ConfigureAwait(true);
        await using (transaction.ConfigureAwait(true))
        {
            try
            {
                await inserter.InsertAsync(transaction, batch, 0, batch.Count, CancellationToken.None).ConfigureAwait(true);
            }
            catch (Exception ex) when (_dialect.IsConstraintViolation(ex))
            {
                await transaction.RollbackAsync().ConfigureAwait(true);
                return false;
            }

            var committing = Stopwatch.GetTimestamp();
            await transaction.CommitAsync().ConfigureAwait(true);
            CountCommitTime(began, committing);
            return true;
        }
    }

    /// <summary>Adds one timed commit: BEGIN at <paramref name="began"/>, COMMIT issued at <paramref name="committing"/>, done now.</summary>
    private void CountCommitTime(long began, long committing)
    {
        var committed = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _commitTicks, committed - committing);
        Interlocked.Add(ref _transactionTicks, committed - began);
    }

    /// <summary>
    /// The batch in one transaction that the inserter begins and commits with its own statements; false when a
    /// constraint rejected a write (rolled back: the batch is retried one by one). Any other failure rolls back and throws.
    /// </summary>
    private async Task<bool> TryCommitWithStatementsAsync(IStatementTransactions statements, IBatchInserter inserter, List<PendingWrite> batch)
    {
        var began = Stopwatch.GetTimestamp();
        try
        {
            statements.Begin();
            await inserter.InsertAsync(null, batch, 0, batch.Count, CancellationToken.None).ConfigureAwait(true);
            var committing = Stopwatch.GetTimestamp();
            statements.Commit();
            CountCommitTime(began, committing);
            return true;
        }
        catch (Exception ex) when (_dialect.IsConstraintViolation(ex))
        {
            statements.RollbackIfOpen();
            return false;
        }
        catch
        {
            RollBackQuietly(statements);
            throw;
        }
    }

    /// <summary>Rolls back after a failure; a rollback that fails too (a broken connection) must not hide the first error.</summary>
    private static void RollBackQuietly(IStatementTransactions statements)
    {
        try
        {
            statements.RollbackIfOpen();
        }
        catch (DbException)
        {
            // the connection is dropped and reopened by the caller's error handling
        }
    }

    private async Task CommitOneByOneAsync(LaneConnection lane, List<PendingWrite> batch)
    {
        var connection = lane.Connection!;
        var inserter = lane.Inserter!;
        Interlocked.Increment(ref _batchRetries);
        var rejected = new Exception?[batch.Count];
        var transaction = await connection.BeginTransactionAsync().ConfigureAwait(true);
        await using (transaction.ConfigureAwait(true))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Group?.Rejection is { } earlier)
                {
                    rejected[i] = new InvalidOperationException("An earlier write of the same group was rejected: " + earlier.Message, earlier);
                    continue;
                }

                await transaction.SaveAsync("w").ConfigureAwait(true);
                try
                {
                    await inserter.InsertAsync(transaction, batch, i, 1, CancellationToken.None).ConfigureAwait(true);
                    await transaction.ReleaseAsync("w").ConfigureAwait(true);
                }
                catch (Exception ex) when (_dialect.IsConstraintViolation(ex))
                {
                    await transaction.RollbackAsync("w").ConfigureAwait(true);
                    rejected[i] = ex;
                    if (batch[i].Group is { } group)
                    {
                        group.Rejection = ex;
                    }
                }
            }

            await transaction.CommitAsync().ConfigureAwait(true);
        }

        Count(lane, batch, rejected);
    }

    private void Count(LaneConnection lane, List<PendingWrite> batch, Exception?[]? rejected)
    {
        long events = 0;
        long accepted = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            if (rejected?[i] is { } error)
            {
                Interlocked.Increment(ref _writesRejected);
                var duplicate = _dialect.IsDuplicateSequenceNr(error);
                write.Fail(new JournalWriteRejectedException(write.Write.PersistenceId, write.Write.FromSequenceNr, write.Write.ToSequenceNr, error) { IsDuplicateSequenceNr = duplicate });
            }
            else
            {
                events += write.Write.Events.Count;
                accepted++;
            }
        }

        Interlocked.Increment(ref _commits);
        if (lane.Synchronous)
        {
            Interlocked.Increment(ref _synchronousCommits);
        }

        Interlocked.Add(ref _eventsWritten, events);
        Interlocked.Add(ref _writesAccepted, accepted);
        var largest = Interlocked.Read(ref _largestCommit);
        while (events > largest && Interlocked.CompareExchange(ref _largestCommit, events, largest) != largest)
        {
            largest = Interlocked.Read(ref _largestCommit);
        }

        if (accepted > 0)
        {
            _committed();
        }

        var helper = lane.HelperFor(batch[0].CompletionDispatcher);
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null); // actor turns run here as on a dispatcher thread
        helper?.Begin();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (rejected?[i] is null)
                {
                    batch[i].Succeed();
                }
            }
        }
        finally
        {
            helper?.RunPending();
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private void FailAll(List<PendingWrite> batch, Exception error)
    {
        Interlocked.Add(ref _writesFailed, batch.Count);
        foreach (var write in batch)
        {
            write.Fail(error);
        }

        batch.Clear();
    }

    /// <summary>A lane's writer connection and its prepared statements, dropped after any database error.</summary>
    private sealed class LaneConnection
    {
        public DbConnection? Connection { get; set; }

        public IBatchInserter? Inserter { get; set; }

        public bool Synchronous { get; set; }

        /// <summary>This lane's helper for each dispatcher whose actors it completed writes of (one, in practice).</summary>
        private Dictionary<Dispatcher, DispatcherHelper>? Helpers { get; set; }

        public DispatcherHelper? HelperFor(Dispatcher? dispatcher)
        {
            if (dispatcher is null)
            {
                return null;
            }

            Helpers ??= [];
            if (!Helpers.TryGetValue(dispatcher, out var helper))
            {
                helper = dispatcher.CreateHelper();
                Helpers[dispatcher] = helper;
            }

            return helper;
        }

        public async Task CloseAsync()
        {
            if (Inserter is not null)
            {
                await SafeDisposeAsync(Inserter).ConfigureAwait(true);
                Inserter = null;
            }

            if (Connection is not null)
            {
                await SafeDisposeAsync(Connection).ConfigureAwait(true);
                Connection = null;
            }
        }

        private static async Task SafeDisposeAsync(IAsyncDisposable disposable)
        {
            try
            {
                await disposable.DisposeAsync().ConfigureAwait(true);
            }
            catch (DbException)
            {
                // disposing a broken connection may fail; it is being thrown away
            }
            catch (IOException)
            {
                // same: the socket is already gone
            }
        }
    }
}
