using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Queries;
using DhcpCluster.Actors.Persistence.Schema;
using DhcpCluster.Actors.Persistence.Snapshots;
using DhcpCluster.Actors.Persistence.Sql;

namespace DhcpCluster.Actors.Persistence;

/// <summary>
/// One database holding the journal, snapshots, tag index and read models, with its group-commit writer,
/// its queries and its connection health. Start it with <see cref="StartAsync"/>.
/// </summary>
public sealed class PersistenceStore : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly SchemaManager _schema;
    private readonly GroupCommitWriter _writer;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private PersistenceStore(SqlDialect dialect)
    {
        _dialect = dialect;
        _schema = new SchemaManager(dialect, ownsDialect: false);
        var options = dialect.Options;
        Health = new DatabaseHealthMonitor(options.Reconnect, ProbeAsync, _stopping.Token);
        var commits = new CommitSignal();
        WriterId = Guid.NewGuid();
        _writer = new GroupCommitWriter(dialect, Health, commits.Pulse);
        Journal = new SqlEventJournal(dialect, _writer, options.Serializers, WriterId);
        Snapshots = new SqlSnapshotStore(dialect, options.Serializers);
        Queries = new SqlEventQueries(dialect, options.Serializers, new OrderingWatermark(dialect), commits);
        RecoveryReader = new SqlRecoveryReader(dialect, options.Serializers);
    }

    /// <summary>One-round-trip recovery reads for persistent actors.</summary>
    internal SqlRecoveryReader RecoveryReader { get; }

    /// <summary>Writes and replays events.</summary>
    public IEventJournal Journal { get; }

    /// <summary>Saves and loads snapshots.</summary>
    public ISnapshotStore Snapshots { get; }

    /// <summary>Tag, ordering and persistence-id queries.</summary>
    public IEventQueries Queries { get; }

    /// <summary>Connection health, for the application to act on.</summary>
    public DatabaseHealthMonitor Health { get; }

    /// <summary>Identifies this store instance in the journal's writer_uuid column.</summary>
    public Guid WriterId { get; }

    /// <summary>Engine name ("sqlite", "postgresql").</summary>
    public string ProviderName => _dialect.ProviderName;

    /// <summary>
    /// Opens the database, checks its schema (creating a missing one when <see cref="PersistenceStoreOptions.AutoInitialize"/>),
    /// creates the read-model tables, and starts the writer.
    /// </summary>
    /// <exception cref="SchemaVersionException">The schema is missing (without auto-initialize), older (run <c>dhcp-node db upgrade</c>) or newer.</exception>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached and retry-on-startup is off.</exception>
    public static async Task<PersistenceStore> StartAsync(PersistenceStoreOptions options, CancellationToken cancellationToken = default)
    {
        var dialect = SqlDialects.Create(options);
        options.Serializers.Freeze();
        var store = new PersistenceStore(dialect);
        try
        {
            await store.ProbeAsync(cancellationToken).ConfigureAwait(false);
            store.Health.ReportConnected();
            return store;
        }
        catch (SchemaVersionException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && options.Reconnect.RetryOnStartup)
        {
            store.Health.ReportFailure(ex);
            return store;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new DatabaseUnavailableException($"Cannot open the {dialect.ProviderName} journal database: {ex.Message}", ex);
        }
    }

    /// <summary>The durability counters.</summary>
    public JournalStatistics GetStatistics() => _writer.Statistics;

    /// <summary>
    /// Bytes the database library holds in this process: SQLite's page caches, prepared statements and schemas of
    /// every open connection; 0 for PostgreSQL (its memory is the server's).
    /// </summary>
    public long DatabaseMemoryInUse => _dialect.NativeMemoryInUse;

    /// <summary>
    /// Closes the connections that sit idle in the pool (reads, snapshots, schema checks open them again on demand),
    /// so what they cache is freed: with SQLite, up to its page cache (2 MB) per connection. The writer's own
    /// connection stays open. For a quiet moment, e.g. after idle clients were passivated.
    /// </summary>
    public void ReleaseIdleConnections() => _dialect.ForgetPooledConnections();

    /// <summary>Stops the writer after the queued writes are done, and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        Health.ReportStopped();
        await _schema.DisposeAsync().ConfigureAwait(false);
        await _dialect.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private bool _tablesReady;

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _schema.VerifyAsync(_dialect.Options.AutoInitialize, cancellationToken).ConfigureAwait(false);
            if (!_tablesReady)
            {
                await _schema.EnsureReadModelTablesAsync(cancellationToken).ConfigureAwait(false);
                _tablesReady = true;
            }
        }
        catch (SchemaVersionException ex) when (Health.Current.Status != DatabaseStatus.Starting)
        {
            Health.ReportFatal(ex.Message);
            throw;
        }
    }
}
