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
        _insertTag.Transaction = tx;
        for (var w = start; w < start + count; w++)
        {
            var pending = batch[w];
            var write = pending.Write;
            _pid.Value = write.PersistenceId;
            _timestamp.Value = pending.Timestamp;
            if (pending.WriterId != _lastWriter || _lastWriterText.Length == 0)
            {
                _lastWriter = pending.WriterId;
                _lastWriterText = pending.WriterId.ToString("D", CultureInfo.InvariantCulture);
            }

            _writer.Value = _lastWriterText;
            for (var e = 0; e < write.Events.Count; e++)
            {
                var payload = pending.Payloads[e];
                var seq = write.Events[e].SequenceNr;
                _seq.Value = seq;
                _manifest.Value = payload.Manifest;
                _serializer.Value = payload.SerializerId;
                _payload.Value = payload.Payload;
                _tags.Value = (object?)pending.TagTexts[e] ?? DBNull.Value;
                var ordering = (long)_insertEvent.ExecuteScalar()!;
                var tags = write.Events[e].Tags;
                if (tags is { Count: > 0 })
                {
                    _tagOrdering.Value = ordering;
                    _tagPid.Value = write.PersistenceId;
                    _tagSeq.Value = seq;
                    foreach (var tag in tags)
                    {
                        _tag.Value = tag;
                        _insertTag.ExecuteNonQuery();
                    }
                }
            }

            foreach (var change in write.ReadModelChanges)
            {
                ApplyChange(tx, change);
            }
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _insertEvent.DisposeAsync().ConfigureAwait(false);
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
