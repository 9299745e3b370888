using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Sql;

namespace DhcpCluster.Actors.Persistence;

/// <summary>Everything a <see cref="PersistenceStore"/> needs: engine, connection, tables, batching, durability, reconnects, read models.</summary>
public sealed record PersistenceStoreOptions
{
    /// <summary>The engine.</summary>
    public required StorageProvider Provider { get; init; }

    /// <summary>ADO.NET connection string (SQLite: <c>Data Source=/path/file.db</c>; PostgreSQL: Npgsql's keywords).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Types events and snapshots may have.</summary>
    public required SerializerRegistry Serializers { get; init; }

    /// <summary>Journal table (<c>journal</c>).</summary>
    public string JournalTable { get; init; } = "journal";

    /// <summary>Tag table (<c>tags</c>).</summary>
    public string TagTable { get; init; } = "tags";

    /// <summary>Snapshot table (<c>snapshot</c>).</summary>
    public string SnapshotTable { get; init; } = "snapshot";

    /// <summary>Schema version table (<c>schema_version</c>).</summary>
    public string SchemaVersionTable { get; init; } = "schema_version";

    /// <summary>Create a missing schema at start (an old schema is never upgraded automatically).</summary>
    public bool AutoInitialize { get; init; } = true;

    /// <summary>Most atomic writes per transaction.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>How long a writer waits for more writes before committing a partial batch (0: commit what is queued at once).</summary>
    public TimeSpan MaxBatchLinger { get; init; } = TimeSpan.Zero;

    /// <summary>Concurrent writer transactions (PostgreSQL; SQLite always uses one, as it has one writer).</summary>
    public int Parallelism { get; init; } = 3;

    /// <summary>Writes queued before callers wait for room.</summary>
    public int BufferSize { get; init; } = 5000;

    /// <summary>SQLite durability.</summary>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>PostgreSQL <c>synchronous_commit</c> for the journal's connections (on, remote_apply, remote_write, local, off).</summary>
    public string PostgreSqlSynchronousCommit { get; init; } = "on";

    /// <summary>Reconnect behaviour (Kea's knobs).</summary>
    public ReconnectSettings Reconnect { get; init; } = ReconnectSettings.KeaDefaults;

    /// <summary>Read-model tables writes may carry rows for.</summary>
    public IReadOnlyList<ReadModelTable> ReadModelTables { get; init; } = [];

    /// <summary>How often live queries look for new events when nothing wakes them.</summary>
    public TimeSpan QueryRefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows per query round trip.</summary>
    public int QueryPageSize { get; init; } = 1000;

    /// <summary>
    /// PostgreSQL only: how long ordering queries wait for a missing ordering value (a transaction still
    /// in flight) before treating it as never coming (a rolled-back transaction).
    /// </summary>
    public TimeSpan OrderingGapTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal static void Validate(PersistenceStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(!string.IsNullOrWhiteSpace(options.ConnectionString), "connection-string is empty.");
        Check(options.Serializers is not null, "A serializer registry is required.");
        SqlIdentifier.Validate(options.JournalTable, nameof(options));
        SqlIdentifier.Validate(options.TagTable, nameof(options));
        SqlIdentifier.Validate(options.SnapshotTable, nameof(options));
        SqlIdentifier.Validate(options.SchemaVersionTable, nameof(options));
        Check(options.BatchSize > 0, $"batch-size must be positive; got {options.BatchSize}.");
        Check(options.Parallelism > 0, $"parallelism must be positive; got {options.Parallelism}.");
        Check(options.BufferSize > 0, $"buffer-size must be positive; got {options.BufferSize}.");
        Check(options.QueryPageSize > 0, $"query page size must be positive; got {options.QueryPageSize}.");
        Check(options.MaxBatchLinger >= TimeSpan.Zero, "max-batch-linger must not be negative.");
        Check(options.QueryRefreshInterval > TimeSpan.Zero, "refresh-interval must be positive.");
        Check(options.OrderingGapTimeout >= TimeSpan.Zero, "ordering-gap-timeout must not be negative.");
        Check(
            options.PostgreSqlSynchronousCommit is "on" or "off" or "local" or "remote_write" or "remote_apply",
            $"synchronous-commit must be on, remote_apply, remote_write, local or off; got '{options.PostgreSqlSynchronousCommit}'.");
        Check(options.Reconnect is not null, "Reconnect settings are required.");
        Check(options.Reconnect!.MaxReconnectTries >= 0, "max-reconnect-tries must not be negative.");
        Check(options.Reconnect.ReconnectWaitTime >= TimeSpan.Zero, "reconnect-wait-time must not be negative.");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { options.JournalTable, options.TagTable, options.SnapshotTable, options.SchemaVersionTable };
        Check(names.Count == 4, "journal, tag, snapshot and schema-version tables need distinct names.");
        foreach (var table in options.ReadModelTables)
        {
            Check(names.Add(table.Name), $"Read-model table '{table.Name}' collides with another table name.");
        }
    }

    private static void Check(bool condition, string problem, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(condition))] string? failedCheck = null)
    {
        if (!condition)
        {
            throw new ArgumentException("Invalid persistence options: " + problem, failedCheck);
        }
    }
}
