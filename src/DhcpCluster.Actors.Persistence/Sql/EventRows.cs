using System.Data.Common;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Serialization;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>Turns a journal row (ordering, persistence_id, sequence_number, manifest, serializer_id, payload, timestamp, writer_uuid, tags) into a <see cref="PersistedEvent"/>.</summary>
internal static class EventRows
{
    private static readonly char[] TagSeparator = [';'];

    public static PersistedEvent Read(DbDataReader reader, SqlDialect dialect, SerializerRegistry serializers)
    {
        var ordering = reader.GetInt64(0);
        var persistenceId = reader.GetString(1);
        var sequenceNr = reader.GetInt64(2);
        var manifest = reader.GetString(3);
        var serializerId = reader.GetInt32(4);
        var payload = (byte[])reader.GetValue(5);
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6));
        var writer = dialect.ReadGuid(reader, 7);
        IReadOnlyList<string> tags = reader.IsDBNull(8) ? [] : reader.GetString(8).Split(TagSeparator, StringSplitOptions.RemoveEmptyEntries);
        var message = serializers.Deserialize(serializerId, manifest, payload, persistenceId, sequenceNr);
        return new PersistedEvent(ordering, persistenceId, sequenceNr, message, manifest, timestamp, writer, tags);
    }
}
