using System.Data.Common;
using System.Globalization;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace DhcpCluster.Actors.Persistence.Sqlite;

/// <summary>SQLite: WAL journal mode, <c>synchronous</c> as configured, one writer connection.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraint = 19;
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteDialect(PersistenceStoreOptions options)
        : base(options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = true };
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal))
        {
            throw new ArgumentException("The SQLite journal needs a file (Data Source=/path/file.db); an in-memory database is neither durable nor shared between connections.", nameof(options));
        }

        _connectionString = builder.ToString();
        _pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(int)options.SqliteSynchronous}; PRAGMA busy_timeout = 30000;");
    }

    public override string ProviderName => "sqlite";

    // One writer at a time holds the database's write lock, so rows become visible in ordering order.
    public override bool OrderingVisibleInOrder => true;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using var commandScope = command.ConfigureAwait(false);
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<(string Description, bool Synchronous)> ReadDurabilityAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = "PRAGMA synchronous";
        var level = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA journal_mode";
        var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var name = ((SqliteSynchronous)level).ToString().ToUpperInvariant();
        return ($"sqlite synchronous={name} journal_mode={mode}", level >= (int)SqliteSynchronous.Full);
    }

    public override IBatchInserter CreateInserter(DbConnection connection) => new SqliteBatchInserter((SqliteConnection)connection, this);

    public override bool IsConstraintViolation(Exception error) => error is SqliteException { SqliteErrorCode: SqliteConstraint };

    public override bool IsDuplicateSequenceNr(Exception error) =>
        error is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.Message.Contains($"{Options.JournalTable}.persistence_id, {Options.JournalTable}.sequence_number", StringComparison.Ordinal);

    public override void ForgetPooledConnections() => SqliteConnection.ClearAllPools();

    // SQLite's own allocations in this process: every connection's page cache, prepared statements and schema.
    public override long NativeMemoryInUse => SQLitePCL.raw.sqlite3_memory_used();

    public override async Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
        AddParameter(command, "@name", table, System.Data.DbType.String);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    // BEGIN of a Microsoft.Data.Sqlite transaction is BEGIN IMMEDIATE unless deferred: the write lock is already held.
    public override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override IReadOnlyList<string> MigrationStatements(int fromVersion)
    {
        var j = Options.JournalTable;
        var t = Options.TagTable;
        return fromVersion switch
        {
            0 =>
            [
                $"""
                CREATE TABLE {j} (
                    ordering INTEGER PRIMARY KEY AUTOINCREMENT,
                    persistence_id TEXT NOT NULL,
                    sequence_number INTEGER NOT NULL,
                    deleted INTEGER NOT NULL DEFAULT 0,
                    manifest TEXT NOT NULL,
                    serializer_id INTEGER NOT NULL,
                    payload BLOB NOT NULL,
                    timestamp INTEGER NOT NULL,
                    writer_uuid TEXT NOT NULL,
                    tags TEXT NULL,
                    CONSTRAINT {j}_pid_seq_uq UNIQUE (persistence_id, sequence_number))
                """,
                $"""
                CREATE TABLE {Options.SnapshotTable} (
                    persistence_id TEXT NOT NULL,
                    sequence_number INTEGER NOT NULL,
                    created INTEGER NOT NULL,
                    manifest TEXT NOT NULL,
                    serializer_id INTEGER NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (persistence_id, sequence_number))
                """,
                $"CREATE TABLE IF NOT EXISTS {Options.SchemaVersionTable} (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL, description TEXT NOT NULL)",
            ],
            1 =>
            [
                $"""
                CREATE TABLE {t} (
                    ordering_id INTEGER NOT NULL,
                    tag TEXT NOT NULL,
                    persistence_id TEXT NOT NULL,
                    sequence_nr INTEGER NOT NULL,
                    PRIMARY KEY (tag, ordering_id)) WITHOUT ROWID
                """,
                $"""
                WITH RECURSIVE split(ordering, pid, seq, tag, rest) AS (
                    SELECT ordering, persistence_id, sequence_number, '', tags || ';' FROM {j} WHERE tags IS NOT NULL AND tags <> ''
                    UNION ALL
                    SELECT ordering, pid, seq, substr(rest, 1, instr(rest, ';') - 1), substr(rest, instr(rest, ';') + 1) FROM split WHERE rest <> '')
                INSERT INTO {t} (ordering_id, tag, persistence_id, sequence_nr) SELECT ordering, tag, pid, seq FROM split WHERE tag <> ''
                """,
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(fromVersion)),
        };
    }

    public override string ColumnType(ReadModelColumnType type) => type switch
    {
        ReadModelColumnType.Integer => "INTEGER",
        ReadModelColumnType.Text => "TEXT",
        ReadModelColumnType.Blob => "BLOB",
        ReadModelColumnType.Real => "REAL",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);
}
