using System.Data.Common;
using System.Globalization;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace DhcpCluster.Actors.Persistence.Sqlite;

/// <summary>
/// Inserts with statements prepared once per writer connection. SQLite runs in-process, so a statement
/// per row costs no round trip; each event's ordering comes back through RETURNING for its tag rows.
/// </summary>
internal sealed class SqliteBatchInserter : IBatchInserter
{
    /// <summary>Untagged events are inserted this many rows per statement (fewer statement executions per batch).</summary>
    private const int MultiRow = 32;
    private const int ColumnsPerRow = 7;

    private readonly SqliteCommand _insertEvent;
    private readonly SqliteParameter _pid;
    private readonly SqliteParameter _seq;
    private readonly SqliteParameter _manifest;
    private readonly SqliteParameter _serializer;
    private readonly SqliteParameter _payload;
    private readonly SqliteParameter _timestamp;
    private readonly SqliteParameter _writer;
    private readonly SqliteParameter _tags;
    private readonly SqliteCommand _insertTag;
    private readonly SqliteParameter _tagOrdering;
    private readonly SqliteParameter _tag;
    private readonly SqliteParameter _tagPid;
    private readonly SqliteParameter _tagSeq;
    private readonly SqliteCommand _insertMany;
    private readonly SqliteParameter[] _many;
    private readonly List<(PendingWrite Pending, int Event)> _untagged = new(MultiRow);
    private readonly Dictionary<(string Table, ReadModelChangeKind Kind), SqliteCommand> _readModelCommands = [];
    private readonly SqliteConnection _connection;
    private readonly SqlDialect _dialect;
    private Guid _lastWriter;
    private string _lastWriterText = string.Empty;

    public SqliteBatchInserter(SqliteConnection connection, SqlDialect dialect)
    {
        _connection = connection;
        _dialect = dialect;
        _insertEvent = connection.CreateCommand();
        _insertEvent.CommandText = $"INSERT INTO {dialect.Options.JournalTable} (persistence_id, sequence_number, deleted, manifest, serializer_id, payload, timestamp, writer_uuid, tags) VALUES (@pid, @seq, 0, @manifest, @ser, @payload, @ts, @writer, @tags) RETURNING ordering";
        _pid = _insertEvent.Parameters.Add("@pid", SqliteType.Text);
        _seq = _insertEvent.Parameters.Add("@seq", SqliteType.Integer);
        _manifest = _insertEvent.Parameters.Add("@manifest", SqliteType.Text);
        _serializer = _insertEvent.Parameters.Add("@ser", SqliteType.Integer);
        _payload = _insertEvent.Parameters.Add("@payload", SqliteType.Blob);
        _timestamp = _insertEvent.Parameters.Add("@ts", SqliteType.Integer);
        _writer = _insertEvent.Parameters.Add("@writer", SqliteType.Text);
        _tags = _insertEvent.Parameters.Add("@tags", SqliteType.Text);
        _insertMany = connection.CreateCommand();
        var rows = new System.Text.StringBuilder($"INSERT INTO {dialect.Options.JournalTable} (persistence_id, sequence_number, deleted, manifest, serializer_id, payload, timestamp, writer_uuid, tags) VALUES ");
        _many = new SqliteParameter[MultiRow * ColumnsPerRow];
        for (var r = 0; r < MultiRow; r++)
        {
            rows.Append(r == 0 ? "(" : ",(").Append(CultureInfo.InvariantCulture, $"@a{r},@b{r},0,@c{r},@d{r},@e{r},@f{r},@g{r},NULL)");
            _many[(r * ColumnsPerRow) + 0] = _insertMany.Parameters.Add("@a" + r.ToString(CultureInfo.InvariantCulture), SqliteType.Text);
            _many[(r * ColumnsPerRow) + 1] = _insertMany.Parameters.Add("@b" + r.ToString(CultureInfo.InvariantCulture), SqliteType.Integer);
            _many[(r * ColumnsPerRow) + 2] = _insertMany.Parameters.Add("@c" + r.ToString(CultureInfo.InvariantCulture), SqliteType.Text);
            _many[(r * ColumnsPerRow) + 3] = _insertMany.Parameters.Add("@d" + r.ToString(CultureInfo.InvariantCulture), SqliteType.Integer);
            _many[(r * ColumnsPerRow) + 4] = _insertMany.Parameters.Add("@e" + r.ToString(CultureInfo.InvariantCulture), SqliteType.Blob);
            _many[(r * ColumnsPerRow) + 5] = _insertMany.Parameters.Add("@f" + r.ToString(CultureInfo.InvariantCulture), SqliteType.Integer);
            _many[(r * ColumnsPerRow) + 6] = _insertMany.Parameters.Add("@g" + r.ToString(CultureInfo.InvariantCulture), SqliteType.Text);
        }

        _insertMany.CommandText = rows.ToString();
        _insertTag = connection.CreateCommand();
        _insertTag.CommandText = $"INSERT INTO {dialect.Options.TagTable} (ordering_id, tag, persistence_id, sequence_nr) VALUES (@ordering, @tag, @pid, @seq)";
        _tagOrdering = _insertTag.Parameters.Add("@ordering", SqliteType.Integer);
        _tag = _insertTag.Parameters.Add("@tag", SqliteType.Text);
        _tagPid = _insertTag.Parameters.Add("@pid", SqliteType.Text);
        _tagSeq = _insertTag.Parameters.Add("@seq", SqliteType.Integer);
    }

    public Task InsertAsync(DbTransaction transaction, List<PendingWrite> batch, int start, int count, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite executes synchronously even through its async methods; the writer lane owns this thread for the batch.
        var tx = (SqliteTransaction)transaction;
        _insertEvent.Transaction = tx;
        _insertMany.Transaction = tx;
        _insertTag.Transaction = tx;
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
                foreach (var change in write.ReadModelChanges)
                {
                    ApplyChange(tx, change);
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
                var payload = pending.Payloads[e];
                var row = r * ColumnsPerRow;
                _many[row].Value = pending.Write.PersistenceId;
                _many[row + 1].Value = pending.Write.Events[e].SequenceNr;
                _many[row + 2].Value = payload.Manifest;
                _many[row + 3].Value = payload.SerializerId;
                _many[row + 4].Value = payload.Payload;
                _many[row + 5].Value = pending.Timestamp;
                _many[row + 6].Value = WriterText(pending.WriterId);
            }

            _insertMany.ExecuteNonQuery();
        }
        else
        {
            foreach (var (pending, e) in _untagged)
            {
                SetEventParameters(pending, e);
                _insertEvent.ExecuteScalar();
            }
        }

        _untagged.Clear();
    }

    private void InsertTagged(PendingWrite pending, int e)
    {
        SetEventParameters(pending, e);
        var ordering = (long)_insertEvent.ExecuteScalar()!;
        _tagOrdering.Value = ordering;
        _tagPid.Value = pending.Write.PersistenceId;
        _tagSeq.Value = pending.Write.Events[e].SequenceNr;
        foreach (var tag in pending.Write.Events[e].Tags!)
        {
            _tag.Value = tag;
            _insertTag.ExecuteNonQuery();
        }
    }

    private void SetEventParameters(PendingWrite pending, int e)
    {
        var payload = pending.Payloads[e];
        _pid.Value = pending.Write.PersistenceId;
        _seq.Value = pending.Write.Events[e].SequenceNr;
        _manifest.Value = payload.Manifest;
        _serializer.Value = payload.SerializerId;
        _payload.Value = payload.Payload;
        _timestamp.Value = pending.Timestamp;
        _writer.Value = WriterText(pending.WriterId);
        _tags.Value = (object?)pending.TagTexts[e] ?? DBNull.Value;
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

    public async ValueTask DisposeAsync()
    {
        await _insertEvent.DisposeAsync().ConfigureAwait(false);
        await _insertMany.DisposeAsync().ConfigureAwait(false);
        await _insertTag.DisposeAsync().ConfigureAwait(false);
        foreach (var command in _readModelCommands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _readModelCommands.Clear();
    }

    private void ApplyChange(SqliteTransaction tx, ReadModelChange change)
    {
        var statements = _dialect.ReadModels[change.Table];
        if (!_readModelCommands.TryGetValue((change.Table, change.Kind), out var command))
        {
            command = _connection.CreateCommand();
            var table = statements.Table;
            if (change.Kind == ReadModelChangeKind.Upsert)
            {
                command.CommandText = statements.UpsertSql;
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    command.Parameters.Add("@v" + i.ToString(CultureInfo.InvariantCulture), ToSqliteType(table.Columns[i].Type));
                }
            }
            else
            {
                command.CommandText = statements.DeleteSql;
                for (var i = 0; i < table.KeyColumns.Count; i++)
                {
                    command.Parameters.Add("@k" + i.ToString(CultureInfo.InvariantCulture), ToSqliteType(table.Columns[table.KeyColumnIndexes[i]].Type));
                }
            }

            _readModelCommands.Add((change.Table, change.Kind), command);
        }

        command.Transaction = tx;
        for (var i = 0; i < change.Values.Count; i++)
        {
            command.Parameters[i].Value = change.Values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static SqliteType ToSqliteType(ReadModelColumnType type) => type switch
    {
        ReadModelColumnType.Integer => SqliteType.Integer,
        ReadModelColumnType.Text => SqliteType.Text,
        ReadModelColumnType.Blob => SqliteType.Blob,
        ReadModelColumnType.Real => SqliteType.Real,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
