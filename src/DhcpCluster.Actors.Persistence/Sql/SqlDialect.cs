using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using DhcpCluster.Actors.Persistence.ReadModels;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>What differs between the engines: connections, durability, DDL, bulk insert, error classes. The SQL both accept lives here once.</summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>Schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 2;

    protected SqlDialect(PersistenceStoreOptions options)
    {
        Options = options;
        var j = options.JournalTable;
        var t = options.TagTable;
        var s = options.SnapshotTable;
        const string columns = "ordering, persistence_id, sequence_number, manifest, serializer_id, payload, timestamp, writer_uuid, tags";
        ReplaySql = $"SELECT {columns} FROM {j} WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = FALSE ORDER BY sequence_number LIMIT @max";
        HighestSequenceNrSql = $"SELECT COALESCE(MAX(sequence_number), 0) FROM {j} WHERE persistence_id = @pid";
        DeleteMessagesSql = $"UPDATE {j} SET deleted = TRUE WHERE persistence_id = @pid AND sequence_number <= @to AND deleted = FALSE";
        EventsByTagSql = $"SELECT j.ordering, j.persistence_id, j.sequence_number, j.manifest, j.serializer_id, j.payload, j.timestamp, j.writer_uuid, j.tags FROM {t} g JOIN {j} j ON j.ordering = g.ordering_id WHERE g.tag = @tag AND g.ordering_id > @after AND g.ordering_id <= @upto AND j.deleted = FALSE ORDER BY g.ordering_id LIMIT @max";
        AllEventsSql = $"SELECT {columns} FROM {j} WHERE ordering > @after AND ordering <= @upto AND deleted = FALSE ORDER BY ordering LIMIT @max";
        PersistenceIdsSql = $"SELECT DISTINCT persistence_id FROM {j} ORDER BY persistence_id";
        MaxOrderingSql = $"SELECT COALESCE(MAX(ordering), 0) FROM {j}";
        OrderingScanSql = $"SELECT ordering FROM {j} WHERE ordering > @after ORDER BY ordering LIMIT @max";
        SnapshotSaveSql = $"INSERT INTO {s} (persistence_id, sequence_number, created, manifest, serializer_id, payload) VALUES (@pid, @seq, @created, @manifest, @ser, @payload) ON CONFLICT (persistence_id, sequence_number) DO UPDATE SET created = excluded.created, manifest = excluded.manifest, serializer_id = excluded.serializer_id, payload = excluded.payload";
        SnapshotLoadSql = $"SELECT persistence_id, sequence_number, created, manifest, serializer_id, payload FROM {s} WHERE persistence_id = @pid AND sequence_number <= @maxseq AND sequence_number >= @minseq AND created <= @maxts ORDER BY sequence_number DESC LIMIT 1";
        SnapshotDeleteOneSql = $"DELETE FROM {s} WHERE persistence_id = @pid AND sequence_number = @seq";
        SnapshotDeleteRangeSql = $"DELETE FROM {s} WHERE persistence_id = @pid AND sequence_number <= @maxseq AND sequence_number >= @minseq AND created <= @maxts";
        SchemaVersionSql = $"SELECT MAX(version) FROM {options.SchemaVersionTable}";
        RecordVersionSql = $"INSERT INTO {options.SchemaVersionTable} (version, applied_at, description) VALUES (@version, @at, @description)";
        ReadModels = options.ReadModelTables.ToDictionary(r => r.Name, r => new ReadModelStatements(r), StringComparer.Ordinal);
    }

    public PersistenceStoreOptions Options { get; }

    public abstract string ProviderName { get; }

    /// <summary>True when ordering values become visible in increasing order (one writer at a time); false when concurrent transactions can commit out of order (gaps must be waited for).</summary>
    public abstract bool OrderingVisibleInOrder { get; }

    public string ReplaySql { get; }

    public string HighestSequenceNrSql { get; }

    public string DeleteMessagesSql { get; }

    public string EventsByTagSql { get; }

    public string AllEventsSql { get; }

    public string PersistenceIdsSql { get; }

    public string MaxOrderingSql { get; }

    public string OrderingScanSql { get; }

    public string SnapshotSaveSql { get; }

    public string SnapshotLoadSql { get; }

    public string SnapshotDeleteOneSql { get; }

    public string SnapshotDeleteRangeSql { get; }

    public string SchemaVersionSql { get; }

    public string RecordVersionSql { get; }

    public IReadOnlyDictionary<string, ReadModelStatements> ReadModels { get; }

    /// <summary>Opens a connection with the configured durability applied.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The durability the database reports for this connection, and whether each commit is synchronous.</summary>
    public abstract Task<(string Description, bool Synchronous)> ReadDurabilityAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract IBatchInserter CreateInserter(DbConnection connection);

    /// <summary>True for constraint violations (unique, not null, check): the write is refused, the database is fine.</summary>
    public abstract bool IsConstraintViolation(Exception error);

    /// <summary>True for a violation of the journal's (persistence_id, sequence_number) constraint.</summary>
    public abstract bool IsDuplicateSequenceNr(Exception error);

    /// <summary>Bytes the database library holds in this process (an embedded database's caches); 0 for a server database.</summary>
    public virtual long NativeMemoryInUse => 0;

    /// <summary>Called after a connection failure so that pooled connections to a restarted server are not reused.</summary>
    public virtual void ForgetPooledConnections()
    {
    }

    /// <summary>Whether the schema version table exists.</summary>
    public abstract Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken);

    /// <summary>Serializes schema changes between processes, inside <paramref name="transaction"/>.</summary>
    public abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Statements that take the schema from version <c>index</c> to <c>index + 1</c>.</summary>
    public abstract IReadOnlyList<string> MigrationStatements(int fromVersion);

    /// <summary>Description recorded for a migration.</summary>
    public static string MigrationDescription(int toVersion) => toVersion switch
    {
        1 => "journal, snapshot and schema version tables",
        2 => "tag table for tag queries, filled from the journal's tags column",
        _ => throw new ArgumentOutOfRangeException(nameof(toVersion)),
    };

    /// <summary>CREATE TABLE / INDEX IF NOT EXISTS statements for a read-model table.</summary>
    public IEnumerable<string> ReadModelDdl(ReadModelTable table)
    {
        var sb = new StringBuilder();
        sb.Append("CREATE TABLE IF NOT EXISTS ").Append(table.Name).Append(" (");
        foreach (var column in table.Columns)
        {
            sb.Append(column.Name).Append(' ').Append(ColumnType(column.Type)).Append(column.Nullable ? " NULL, " : " NOT NULL, ");
        }

        sb.Append("PRIMARY KEY (").AppendJoin(", ", table.KeyColumns).Append("))");
        yield return sb.ToString();
        for (var i = 0; i < table.UniqueIndexes.Count; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"CREATE UNIQUE INDEX IF NOT EXISTS {table.Name}_uq{i} ON {table.Name} ({string.Join(", ", table.UniqueIndexes[i])})");
        }

        for (var i = 0; i < table.Indexes.Count; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"CREATE INDEX IF NOT EXISTS {table.Name}_ix{i} ON {table.Name} ({string.Join(", ", table.Indexes[i])})");
        }
    }

    public abstract string ColumnType(ReadModelColumnType type);

    public abstract Guid ReadGuid(DbDataReader reader, int ordinal);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static DbParameter AddParameter(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static DbType DbTypeOf(ReadModelColumnType type) => type switch
    {
        ReadModelColumnType.Integer => DbType.Int64,
        ReadModelColumnType.Text => DbType.String,
        ReadModelColumnType.Blob => DbType.Binary,
        ReadModelColumnType.Real => DbType.Double,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The upsert and delete SQL of one read-model table (parameters @v0.. and @k0..).</summary>
    internal sealed class ReadModelStatements
    {
        public ReadModelStatements(ReadModelTable table)
        {
            Table = table;
            var columns = string.Join(", ", table.Columns.Select(c => c.Name));
            var values = string.Join(", ", table.Columns.Select((_, i) => "@v" + i.ToString(CultureInfo.InvariantCulture)));
            var keys = string.Join(", ", table.KeyColumns);
            var updates = table.Columns
                .Where(c => !table.KeyColumns.Contains(c.Name, StringComparer.OrdinalIgnoreCase))
                .Select(c => $"{c.Name} = excluded.{c.Name}")
                .ToArray();
            UpsertSql = updates.Length == 0
                ? $"INSERT INTO {table.Name} ({columns}) VALUES ({values}) ON CONFLICT ({keys}) DO NOTHING"
                : $"INSERT INTO {table.Name} ({columns}) VALUES ({values}) ON CONFLICT ({keys}) DO UPDATE SET {string.Join(", ", updates)}";
            DeleteSql = $"DELETE FROM {table.Name} WHERE " + string.Join(" AND ", table.KeyColumns.Select((k, i) => k + " = @k" + i.ToString(CultureInfo.InvariantCulture)));
        }

        public ReadModelTable Table { get; }

        public string UpsertSql { get; }

        public string DeleteSql { get; }
    }
}
