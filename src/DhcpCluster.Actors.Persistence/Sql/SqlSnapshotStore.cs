using System.Data;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Snapshots;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>Snapshots in the snapshot table, one row per (persistence id, sequence number); written directly (snapshots are rare).</summary>
internal sealed class SqlSnapshotStore(SqlDialect dialect, SerializerRegistry serializers) : ISnapshotStore
{
    public async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        
        var payload = serializers.Serialize(snapshot);
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = dialect.SnapshotSaveSql;
        SqlDialect.AddParameter(command, "@pid", metadata.PersistenceId, DbType.String);
        SqlDialect.AddParameter(command, "@seq", metadata.SequenceNr, DbType.Int64);
        SqlDialect.AddParameter(command, "@created", metadata.Timestamp.ToUnixTimeMilliseconds(), DbType.Int64);
        SqlDialect.AddParameter(command, "@manifest", payload.Manifest, DbType.String);
        SqlDialect.AddParameter(command, "@ser", payload.SerializerId, DbType.Int32);
        SqlDialect.AddParameter(command, "@payload", payload.Payload, DbType.Binary);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = dialect.SnapshotLoadSql;
        AddCriteria(command, persistenceId, criteria);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var sequenceNr = reader.GetInt64(1);
        var created = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
        var state = serializers.Deserialize(reader.GetInt32(4), reader.GetString(3), (byte[])reader.GetValue(5), persistenceId, sequenceNr);
        return new SelectedSnapshot(new SnapshotMetadata(persistenceId, sequenceNr, created), state);
    }

    public async Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = dialect.SnapshotDeleteOneSql;
        SqlDialect.AddParameter(command, "@pid", persistenceId, DbType.String);
        SqlDialect.AddParameter(command, "@seq", sequenceNr, DbType.Int64);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = dialect.SnapshotDeleteRangeSql;
        AddCriteria(command, persistenceId, criteria);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddCriteria(System.Data.Common.DbCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        SqlDialect.AddParameter(command, "@pid", persistenceId, DbType.String);
        SqlDialect.AddParameter(command, "@maxseq", criteria.MaxSequenceNr, DbType.Int64);
        SqlDialect.AddParameter(command, "@minseq", criteria.MinSequenceNr, DbType.Int64);
        var maxTs = criteria.MaxTimestamp == DateTimeOffset.MaxValue ? long.MaxValue : criteria.MaxTimestamp.ToUnixTimeMilliseconds();
        SqlDialect.AddParameter(command, "@maxts", maxTs, DbType.Int64);
    }
}
