using System.Data.Common;
using System.Globalization;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Sql;
using Npgsql;
using NpgsqlTypes;

namespace DhcpCluster.Actors.Persistence.PostgreSql;

/// <summary>
/// Sends a whole batch as one pipelined <see cref="NpgsqlBatch"/>: one INSERT ... SELECT FROM unnest(arrays)
/// for every event, one for every tag (joined back to the new rows for their ordering), then the read-model
/// statements. One round trip, then the commit.
/// </summary>
internal sealed class PostgreSqlBatchInserter(NpgsqlConnection connection, SqlDialect dialect) : IBatchInserter
{
    private readonly string _insertEventsSql =
        $"INSERT INTO {dialect.Options.JournalTable} (persistence_id, sequence_number, manifest, serializer_id, payload, timestamp, writer_uuid, tags) " +
        "SELECT * FROM unnest(@pid, @seq, @manifest, @ser, @payload, @ts, @writer, @tags)";

    private readonly string _insertTagsSql =
        $"INSERT INTO {dialect.Options.TagTable} (ordering_id, tag, persistence_id, sequence_nr) " +
        $"SELECT j.ordering, x.tag, x.pid, x.seq FROM unnest(@tpid, @tseq, @ttag) AS x(pid, seq, tag) " +
        $"JOIN {dialect.Options.JournalTable} j ON j.persistence_id = x.pid AND j.sequence_number = x.seq";

    private readonly List<string> _pids = [];
    private readonly List<long> _seqs = [];
    private readonly List<string> _manifests = [];
    private readonly List<int> _serializers = [];
    private readonly List<byte[]> _payloads = [];
    private readonly List<long> _timestamps = [];
    private readonly List<Guid> _writers = [];
    private readonly List<string?> _tags = [];
    private readonly List<string> _tagPids = [];
    private readonly List<long> _tagSeqs = [];
    private readonly List<string> _tagNames = [];

    public async Task InsertAsync(DbTransaction? transaction, List<PendingWrite> batch, int start, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        FillBuffers(batch, start, count);
        var npgsqlBatch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction);
        await using var npgsqlBatchScope = npgsqlBatch.ConfigureAwait(false);
        var events = new NpgsqlBatchCommand(_insertEventsSql);
        events.Parameters.Add(new NpgsqlParameter<List<string>>("pid", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = _pids });
        events.Parameters.Add(new NpgsqlParameter<List<long>>("seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = _seqs });
        events.Parameters.Add(new NpgsqlParameter<List<string>>("manifest", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = _manifests });
        events.Parameters.Add(new NpgsqlParameter<List<int>>("ser", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = _serializers });
        events.Parameters.Add(new NpgsqlParameter<List<byte[]>>("payload", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = _payloads });
        events.Parameters.Add(new NpgsqlParameter<List<long>>("ts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = _timestamps });
        events.Parameters.Add(new NpgsqlParameter<List<Guid>>("writer", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = _writers });
        events.Parameters.Add(new NpgsqlParameter<List<string?>>("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = _tags });
        npgsqlBatch.BatchCommands.Add(events);
        if (_tagNames.Count > 0)
        {
            var tags = new NpgsqlBatchCommand(_insertTagsSql);
            tags.Parameters.Add(new NpgsqlParameter<List<string>>("tpid", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = _tagPids });
            tags.Parameters.Add(new NpgsqlParameter<List<long>>("tseq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = _tagSeqs });
            tags.Parameters.Add(new NpgsqlParameter<List<string>>("ttag", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = _tagNames });
            npgsqlBatch.BatchCommands.Add(tags);
        }

        for (var w = start; w < start + count; w++)
        {
            foreach (var change in batch[w].Write.ReadModelChanges)
            {
                npgsqlBatch.BatchCommands.Add(ReadModelCommand(change));
            }
        }

        await npgsqlBatch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void FillBuffers(List<PendingWrite> batch, int start, int count)
    {
        ClearBuffers();
        for (var w = start; w < start + count; w++)
        {
            var pending = batch[w];
            var write = pending.Write;
            for (var e = 0; e < write.Events.Count; e++)
            {
                var payload = pending.Payloads[e];
                var seq = write.Events[e].SequenceNr;
                _pids.Add(write.PersistenceId);
                _seqs.Add(seq);
                _manifests.Add(payload.Manifest);
                _serializers.Add(payload.SerializerId);
                _payloads.Add(payload.Payload);
                _timestamps.Add(pending.Timestamp);
                _writers.Add(pending.WriterId);
                _tags.Add(pending.TagTexts[e]);
                var tags = write.Events[e].Tags;
                if (tags is not null)
                {
                    foreach (var tag in tags)
                    {
                        _tagPids.Add(write.PersistenceId);
                        _tagSeqs.Add(seq);
                        _tagNames.Add(tag);
                    }
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        ClearBuffers();
        return ValueTask.CompletedTask;
    }

    private NpgsqlBatchCommand ReadModelCommand(ReadModelChange change)
    {
        var statements = dialect.ReadModels[change.Table];
        var table = statements.Table;
        var upsert = change.Kind == ReadModelChangeKind.Upsert;
        var command = new NpgsqlBatchCommand(upsert ? statements.UpsertSql : statements.DeleteSql);
        for (var i = 0; i < change.Values.Count; i++)
        {
            var column = upsert ? table.Columns[i] : table.Columns[table.KeyColumnIndexes[i]];
            var name = (upsert ? "v" : "k") + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(new NpgsqlParameter(name, SqlDialect.DbTypeOf(column.Type)) { Value = change.Values[i] ?? DBNull.Value });
        }

        return command;
    }

    private void ClearBuffers()
    {
        _pids.Clear();
        _seqs.Clear();
        _manifests.Clear();
        _serializers.Clear();
        _payloads.Clear();
        _timestamps.Clear();
        _writers.Clear();
        _tags.Clear();
        _tagPids.Clear();
        _tagSeqs.Clear();
        _tagNames.Clear();
    }
}
