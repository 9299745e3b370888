using System.Data.Common;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Sql;
using Npgsql;

namespace DhcpCluster.Actors.Persistence.PostgreSql;

/// <summary>PostgreSQL: pooled connections with <c>synchronous_commit</c> set at connect, bulk inserts through unnest.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    private const long SchemaLockKey = 0x44484350_4a524e4c; // "DHCP" "JRNL"
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDialect(PersistenceStoreOptions options)
        : base(options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        builder.Options = (builder.Options + " -c synchronous_commit=" + options.PostgreSqlSynchronousCommit).Trim();
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string ProviderName => "postgresql";

    // Sequence values are taken at insert time; concurrent transactions commit in any order.
    public override bool OrderingVisibleInOrder => false;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<(string Description, bool Synchronous)> ReadDurabilityAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = "SHOW synchronous_commit";
        var value = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        command.CommandText = "SHOW fsync";
        var fsync = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var synchronous = value is "on" or "remote_write" or "remote_apply" && string.Equals(fsync, "on", StringComparison.Ordinal);
        return ($"postgresql synchronous_commit={value} fsync={fsync}", synchronous);
    }

    public override IBatchInserter CreateInserter(DbConnection connection) => new PostgreSqlBatchInserter((NpgsqlConnection)connection, this);

    public override bool IsConstraintViolation(Exception error) =>
        error is PostgresException postgres && postgres.SqlState.StartsWith("23", StringComparison.Ordinal);

    public override bool IsDuplicateSequenceNr(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && string.Equals(postgres.ConstraintName, Options.JournalTable + "_pid_seq_uq", StringComparison.Ordinal);

    public override void ForgetPooledConnections() => _dataSource.Clear();

    public override async Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = "SELECT to_regclass(@name) IS NOT NULL";
        AddParameter(command, "@name", table, System.Data.DbType.String);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        AddParameter(command, "@key", SchemaLockKey, System.Data.DbType.Int64);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

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
                    ordering BIGSERIAL PRIMARY KEY,
                    persistence_id VARCHAR(255) NOT NULL,
                    sequence_number BIGINT NOT NULL,
                    deleted BOOLEAN NOT NULL DEFAULT FALSE,
                    manifest VARCHAR(500) NOT NULL,
                    serializer_id INTEGER NOT NULL,
                    payload BYTEA NOT NULL,
                    timestamp BIGINT NOT NULL,
                    writer_uuid UUID NOT NULL,
                    tags TEXT NULL,
                    CONSTRAINT {j}_pid_seq_uq UNIQUE (persistence_id, sequence_number))
                """,
                $"""
                CREATE TABLE {Options.SnapshotTable} (
                    persistence_id VARCHAR(255) NOT NULL,
                    sequence_number BIGINT NOT NULL,
                    created BIGINT NOT NULL,
                    manifest VARCHAR(500) NOT NULL,
                    serializer_id INTEGER NOT NULL,
                    payload BYTEA NOT NULL,
                    PRIMARY KEY (persistence_id, sequence_number))
                """,
                $"CREATE TABLE IF NOT EXISTS {Options.SchemaVersionTable} (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL, description TEXT NOT NULL)",
            ],
            1 =>
            [
                $"""
                CREATE TABLE {t} (
                    ordering_id BIGINT NOT NULL,
                    tag VARCHAR(255) NOT NULL,
                    persistence_id VARCHAR(255) NOT NULL,
                    sequence_nr BIGINT NOT NULL,
                    PRIMARY KEY (tag, ordering_id))
                """,
                $"""
                INSERT INTO {t} (ordering_id, tag, persistence_id, sequence_nr)
                SELECT j.ordering, x.tag, j.persistence_id, j.sequence_number
                FROM {j} j CROSS JOIN LATERAL unnest(string_to_array(j.tags, ';')) AS x(tag)
                WHERE j.tags IS NOT NULL AND x.tag <> ''
                """,
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(fromVersion)),
        };
    }

    public override string ColumnType(ReadModelColumnType type) => type switch
    {
        ReadModelColumnType.Integer => "BIGINT",
        ReadModelColumnType.Text => "TEXT",
        ReadModelColumnType.Blob => "BYTEA",
        ReadModelColumnType.Real => "DOUBLE PRECISION",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
