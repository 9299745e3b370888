using System.Data;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Snapshots;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>
/// Everything a persistent actor needs to recover, in one round trip: the latest matching snapshot, the highest
/// sequence number, and the events after the snapshot (three statements in one command).
/// </summary>
internal sealed class SqlRecoveryReader(SqlDialect dialect, SerializerRegistry serializers)
{
    private const int Chunk = 256;
    private readonly string _sql = BuildSql(dialect);

    /// <summary>Reads the recovery data; <paramref name="onSnapshot"/> and <paramref name="onEvents"/> (chunks, in order) are called as rows arrive.</summary>
    /// <returns>The highest sequence number ever written for the persistence id.</returns>
    public async Task<long> RecoverAsync(
        string persistenceId,
        SnapshotSelectionCriteria criteria,
        long toSequenceNr,
        long max,
        Action<SelectedSnapshot> onSnapshot,
        Action<List<PersistedEvent>> onEvents,
        CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = _sql;
        SqlDialect.AddParameter(command, "@pid", persistenceId, DbType.String);
        SqlDialect.AddParameter(command, "@maxseq", criteria.MaxSequenceNr, DbType.Int64);
        SqlDialect.AddParameter(command, "@minseq", criteria.MinSequenceNr, DbType.Int64);
        SqlDialect.AddParameter(command, "@maxts", criteria.MaxTimestamp == DateTimeOffset.MaxValue ? long.MaxValue : criteria.MaxTimestamp.ToUnixTimeMilliseconds(), DbType.Int64);
        SqlDialect.AddParameter(command, "@to", toSequenceNr, DbType.Int64);
        SqlDialect.AddParameter(command, "@max", max, DbType.Int64);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequenceNr = reader.GetInt64(1);
            var created = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
            var state = serializers.Deserialize(reader.GetInt32(4), reader.GetString(3), (byte[])reader.GetValue(5), persistenceId, sequenceNr);
            onSnapshot(new SelectedSnapshot(new SnapshotMetadata(persistenceId, sequenceNr, created), state));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var highest = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var chunk = new List<PersistedEvent>(Chunk);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(EventRows.Read(reader, dialect, serializers));
            if (chunk.Count == Chunk)
            {
                onEvents(chunk);
                chunk = new List<PersistedEvent>(Chunk);
            }
        }

        onEvents(chunk);
        return highest;
    }

    private static string BuildSql(SqlDialect dialect)
    {
        var j = dialect.Options.JournalTable;
        var s = dialect.Options.SnapshotTable;
        const string criteria = "persistence_id = @pid AND sequence_number <= @maxseq AND sequence_number >= @minseq AND created <= @maxts";
        return $"""
            SELECT persistence_id, sequence_number, created, manifest, serializer_id, payload FROM {s} WHERE {criteria} ORDER BY sequence_number DESC LIMIT 1;
            SELECT COALESCE(MAX(sequence_number), 0) FROM {j} WHERE persistence_id = @pid;
            SELECT ordering, persistence_id, sequence_number, manifest, serializer_id, payload, timestamp, writer_uuid, tags FROM {j}
            WHERE persistence_id = @pid AND sequence_number > COALESCE((SELECT MAX(sequence_number) FROM {s} WHERE {criteria}), 0)
              AND sequence_number <= @to AND deleted = FALSE ORDER BY sequence_number LIMIT @max
            """;
    }
}
