namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys DhcpCluster.Actors.Persistence reads (defaults in its reference.conf).</summary>
[ConfigKeyCatalog("DhcpCluster.Actors.Persistence")]
public static class PersistenceConfigKeys
{
    private const string Journal = "dhcp-cluster.persistence.journal.";
    private const string Snapshot = "dhcp-cluster.persistence.snapshot-store.";

    /// <summary>Journal plugin.</summary>
    public static readonly ConfigKey JournalPlugin = new(Journal + "plugin", ConfigValueType.String,
        "Journal plugin; `sql` (the SQL journal over SQLite or PostgreSQL) is the only one.", "akka.persistence.journal.plugin");

    /// <summary>Database engine.</summary>
    public static readonly ConfigKey ProviderName = new(Journal + "provider-name", ConfigValueType.String,
        "Database engine: `sqlite` (embedded file, one node) or `postgresql` (clusters).", "akka.persistence.journal.sql.provider-name");

    /// <summary>ADO.NET connection string.</summary>
    public static readonly ConfigKey ConnectionString = new(Journal + "connection-string", ConfigValueType.String,
        "ADO.NET connection string: SQLite `Data Source=FILE`; PostgreSQL Npgsql keywords (`Host=...;Database=...;Username=...`).", "akka.persistence.journal.sql.connection-string");

    /// <summary>Create a missing schema.</summary>
    public static readonly ConfigKey AutoInitialize = new(Journal + "auto-initialize", ConfigValueType.Boolean,
        "Create the schema in an empty database at start; an older schema is never upgraded automatically (`dhcp-node db upgrade`).", "akka.persistence.journal.sql.auto-initialize");

    /// <summary>Journal table.</summary>
    public static readonly ConfigKey TableName = new(Journal + "table-name", ConfigValueType.String,
        "Journal table name.", "akka.persistence.journal.sql.table-name");

    /// <summary>Tag table.</summary>
    public static readonly ConfigKey TagTableName = new(Journal + "tag-table-name", ConfigValueType.String,
        "Tag table name (one row per event and tag, for tag queries).", "akka.persistence.journal.sql.tag-table-name");

    /// <summary>Schema version table.</summary>
    public static readonly ConfigKey SchemaVersionTableName = new(Journal + "schema-version-table-name", ConfigValueType.String,
        "Schema version table name (what `dhcp-node db version` reads).", "Kea schema_version");

    /// <summary>Writes per transaction.</summary>
    public static readonly ConfigKey BatchSize = new(Journal + "batch-size", ConfigValueType.Int,
        "Most atomic writes committed in one transaction by the group-commit writer (a batch takes what is queued, so a larger limit adds no latency when the queue is short).", "akka.persistence.journal.sql.batch-size");

    /// <summary>Linger before committing a partial batch.</summary>
    public static readonly ConfigKey MaxBatchLinger = new(Journal + "max-batch-linger", ConfigValueType.Duration,
        "How long a writer waits for more writes before committing a partial batch; 0 commits what is queued at once.");

    /// <summary>Concurrent writer transactions.</summary>
    public static readonly ConfigKey Parallelism = new(Journal + "parallelism", ConfigValueType.Int,
        "Concurrent writer transactions (PostgreSQL; SQLite always uses one writer).", "akka.persistence.journal.sql.parallelism");

    /// <summary>Queued writes before callers wait.</summary>
    public static readonly ConfigKey BufferSize = new(Journal + "buffer-size", ConfigValueType.Int,
        "Writes queued for the writer before persisting actors wait for room.", "akka.persistence.journal.sql.buffer-size");

    /// <summary>SQLite durability.</summary>
    public static readonly ConfigKey SqliteSynchronous = new(Journal + "sqlite-synchronous", ConfigValueType.String,
        "SQLite `PRAGMA synchronous` in WAL mode: `full` (one fsync per commit: acknowledged writes survive power loss), `extra`, `normal` (survives a process crash only), `off`.");

    /// <summary>PostgreSQL durability.</summary>
    public static readonly ConfigKey SynchronousCommit = new(Journal + "synchronous-commit", ConfigValueType.String,
        "PostgreSQL `synchronous_commit` of the journal's connections: `on` (commit waits for the WAL flush), `remote_apply`, `remote_write`, `local`, `off`.");

    /// <summary>Kea's max-reconnect-tries.</summary>
    public static readonly ConfigKey MaxReconnectTries = new(Journal + "max-reconnect-tries", ConfigValueType.Int,
        "Reconnect attempts after the database connection is lost (0: none).", "Kea lease-database.max-reconnect-tries");

    /// <summary>Kea's reconnect-wait-time.</summary>
    public static readonly ConfigKey ReconnectWaitTime = new(Journal + "reconnect-wait-time", ConfigValueType.Duration,
        "Wait before each reconnect attempt (a bare number is milliseconds, as in Kea).", "Kea lease-database.reconnect-wait-time");

    /// <summary>Kea's on-fail.</summary>
    public static readonly ConfigKey OnFail = new(Journal + "on-fail", ConfigValueType.String,
        "While and after reconnecting: `stop-retry-exit` (stop serving, exit when retries are exhausted), `serve-retry-exit` (serve, then exit), `serve-retry-continue` (serve throughout).", "Kea lease-database.on-fail");

    /// <summary>Kea's retry-on-startup.</summary>
    public static readonly ConfigKey RetryOnStartup = new(Journal + "retry-on-startup", ConfigValueType.Boolean,
        "When the database is unreachable at start, start anyway and reconnect with the rules above instead of failing.", "Kea lease-database.retry-on-startup");

    /// <summary>Live query polling.</summary>
    public static readonly ConfigKey QueryRefreshInterval = new(Journal + "query.refresh-interval", ConfigValueType.Duration,
        "How often live queries (EventsByTag, AllEvents) poll for events written by other nodes; this node's commits wake them at once.", "akka.persistence.query.journal.sql.refresh-interval");

    /// <summary>Rows per query round trip.</summary>
    public static readonly ConfigKey QueryMaxBufferSize = new(Journal + "query.max-buffer-size", ConfigValueType.Int,
        "Rows a query reads per round trip.", "akka.persistence.query.journal.sql.max-buffer-size");

    /// <summary>PostgreSQL gap wait.</summary>
    public static readonly ConfigKey QueryOrderingGapTimeout = new(Journal + "query.ordering-gap-timeout", ConfigValueType.Duration,
        "PostgreSQL: how long ordering queries wait for a missing ordering value (a transaction still committing) before skipping it as rolled back.");

    /// <summary>Snapshot plugin.</summary>
    public static readonly ConfigKey SnapshotPlugin = new(Snapshot + "plugin", ConfigValueType.String,
        "Snapshot store plugin; `sql`: snapshots live in the journal's database.", "akka.persistence.snapshot-store.plugin");

    /// <summary>Snapshot engine (must be the journal's).</summary>
    public static readonly ConfigKey SnapshotProviderName = new(Snapshot + "provider-name", ConfigValueType.String,
        "Empty (the journal's) or the journal's engine: snapshots share the journal's database.", "akka.persistence.snapshot-store.sql.provider-name");

    /// <summary>Snapshot connection (must be the journal's).</summary>
    public static readonly ConfigKey SnapshotConnectionString = new(Snapshot + "connection-string", ConfigValueType.String,
        "Empty (the journal's) or the journal's connection string: snapshots share the journal's database.", "akka.persistence.snapshot-store.sql.connection-string");

    /// <summary>Snapshot table.</summary>
    public static readonly ConfigKey SnapshotTableName = new(Snapshot + "table-name", ConfigValueType.String,
        "Snapshot table name.", "akka.persistence.snapshot-store.sql.table-name");
}
