using System.Data.Common;
using System.Globalization;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace DhcpCluster.Actors.Persistence.Sqlite;

/// <summary>
/// Inserts with statements prepared once per writer connection and run through SQLite's own calls
/// (<see cref="SqliteStatement"/>: nothing allocated per row). SQLite runs in-process, so a statement per row costs
/// no round trip; each event's ordering comes back through RETURNING for its tag rows.
/// </summary>
internal sealed class SqliteBatchInserter : IBatchInserter, IStatementTransactions
{
    /// <summary>Untagged events are inserted this many rows per statement (fewer statement executions per batch).</summary>
    private const int MultiRow = 32;
    private const int ColumnsPerRow = 7;
    private const string Columns = "(persistence_id, sequence_number, deleted, manifest, serializer_id, payload, timestamp, writer_uuid, tags)";

    private readonly SqliteStatement _insertEvent;
    private readonly SqliteStatement _insertTag;
    private readonly SqliteStatement _insertMany;
    private readonly SqliteStatement _begin;
    private readonly SqliteStatement _commit;
    private readonly SqliteStatement _rollback;
    private readonly List<(PendingWrite Pending, int Event)> _untagged = new(MultiRow);
    private readonly Dictionary<(string Table, ReadModelChangeKind Kind), (SqliteStatement Statement, int[] Indexes)> _readModelStatements = [];
    private readonly SqliteConnection _connection;
    private readonly SqlDialect _dialect;
    private Guid _lastWriter;
    private string _lastWriterText = string.Empty;

    public SqliteBatchInserter(SqliteConnection connection, SqlDialect dialect)
    {
        _connection = connection;
        _dialect = dialect;
        var journal = dialect.Options.JournalTable;
        _insertEvent = new SqliteStatement(connection, $"INSERT INTO {journal} {Columns} VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?) RETURNING ordering");
        var rows = new System.Text.StringBuilder($"INSERT INTO {journal} {Columns} VALUES ");
        for (var r = 0; r < MultiRow; r++)
        {
            rows.Append(r == 0 ? "(?, ?, 0, ?, ?, ?, ?, ?, NULL)" : ", (?, ?, 0, ?, ?, ?, ?, ?, NULL)");
        }

        _insertMany = new SqliteStatement(connection, rows.ToString());
        _insertTag = new SqliteStatement(connection, $"INSERT INTO {dialect.Options.TagTable} (ordering_id, tag, persistence_id, sequence_nr) VALUES (?, ?, ?, ?)");
        _begin = new SqliteStatement(connection, "BEGIN IMMEDIATE");
        _commit = new SqliteStatement(connection, "COMMIT");
        _rollback = new SqliteStatement(connection, "ROLLBACK");
    }

    public void Begin() => _begin.Execute();

    public void Commit() => _commit.Execute();

    public void RollbackIfOpen()
    {
        if (_begin.InTransaction)
        {
            _rollback.Execute();
        }
    }

    public Task InsertAsync(DbTransaction? transaction, List<PendingWrite> batch, int start, int count, CancellationToken cancellationToken)
    {
        // Runs synchronously on the writer lane, inside the transaction the lane opened on this connection.
        _untagged.Clear();
        for (var w = start; w < start + count; w++)
        {
            var pending = batch[w];
            var write = pending.Write;
            for (var e = 0; e < write.Events.Count; e++)
            {
                if (write.Events[e].Tags is { Count: > 0 })
                {
                    // Rows keep the order of the batch: queued untagged rows go first.
                    FlushUntagged();
                    InsertTagged(pending, e);
                }
                else
                {
                    _untagged.Add((pending, e));
                    if (_untagged.Count == MultiRow)
                    {
                        FlushUntagged();
                    }
                }
            }

            if (write.ReadModelChanges.Count > 0)
            {
                FlushUntagged();
                var changes = write.ReadModelChanges;
                for (var c = 0; c < changes.Count; c++)
                {
                    ApplyChange(changes[c]); // indexed: a foreach over the interface boxes an enumerator per write
                }
            }
        }

        FlushUntagged();
        return Task.CompletedTask;
    }

    private void FlushUntagged()
    {
        if (_untagged.Count == MultiRow)
        {
            for (var r = 0; r < MultiRow; r++)
            {
                var (pending, e) = _untagged[r];
                BindEvent(_insertMany, r * ColumnsPerRow, pending, e);
            }

            _insertMany.Execute();
        }
        else
        {
            foreach (var (pending, e) in _untagged)
            {
                InsertEvent(pending, e);
            }
        }

        _untagged.Clear();
    }

    private void InsertTagged(PendingWrite pending, int e)
    {
        var ordering = InsertEvent(pending, e);
        _insertTag.Bind(1, ordering);
        _insertTag.Bind(3, pending.Write.PersistenceId);
        _insertTag.Bind(4, pending.Write.Events[e].SequenceNr);
        foreach (var tag in pending.Write.Events[e].Tags!)
        {
            _insertTag.Bind(2, tag);
            _insertTag.Execute();
        }
    }

    /// <summary>Inserts one event row (with its tags column); returns its ordering.</summary>
    private long InsertEvent(PendingWrite pending, int e)
    {
        BindEvent(_insertEvent, 0, pending, e);
        _insertEvent.Bind(8, pending.TagTexts[e]);
        return _insertEvent.Execute();
    }

    /// <summary>Binds the seven event columns of one row, whose first parameter follows <paramref name="offset"/>.</summary>
    private void BindEvent(SqliteStatement statement, int offset, PendingWrite pending, int e)
    {
        var payload = pending.Payloads[e];
        statement.Bind(offset + 1, pending.Write.PersistenceId);
        statement.Bind(offset + 2, pending.Write.Events[e].SequenceNr);
        statement.Bind(offset + 3, payload.Manifest);
        statement.Bind(offset + 4, payload.SerializerId);
        statement.Bind(offset + 5, payload.Payload);
        statement.Bind(offset + 6, pending.Timestamp);
        statement.Bind(offset + 7, WriterText(pending.WriterId));
    }

    private string WriterText(Guid writer)
    {
        if (writer != _lastWriter || _lastWriterText.Length == 0)
        {
            _lastWriter = writer;
            _lastWriterText = writer.ToString("D", CultureInfo.InvariantCulture);
        }

        return _lastWriterText;
    }

    public ValueTask DisposeAsync()
    {
        _insertEvent.Dispose();
        _insertMany.Dispose();
        _insertTag.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        foreach (var (statement, _) in _readModelStatements.Values)
        {
            statement.Dispose();
        }

        _readModelStatements.Clear();
        return ValueTask.CompletedTask;
    }

    private void ApplyChange(ReadModelChange change)
    {
        if (!_readModelStatements.TryGetValue((change.Table, change.Kind), out var prepared))
        {
            var statements = _dialect.ReadModels[change.Table];
            var upsert = change.Kind == ReadModelChangeKind.Upsert;
            var statement = new SqliteStatement(_connection, upsert ? statements.UpsertSql : statements.DeleteSql);
            var names = upsert ? statements.Table.Columns.Count : statements.Table.KeyColumns.Count;
            var indexes = new int[names];
            for (var i = 0; i < names; i++)
            {
                indexes[i] = statement.ParameterIndex((upsert ? "@v" : "@k") + i.ToString(CultureInfo.InvariantCulture));
            }

            prepared = (statement, indexes);
            _readModelStatements.Add((change.Table, change.Kind), prepared);
        }

        for (var i = 0; i < change.Values.Count; i++)
        {
            prepared.Statement.BindValue(prepared.Indexes[i], change.Values[i]);
        }

        prepared.Statement.Execute();
    }
}
