namespace DhcpCluster.Actors.Persistence.Serialization;

/// <summary>A message as stored: serializer id, manifest and bytes.</summary>
/// <param name="SerializerId">Identifies the serializer (one per family of messages).</param>
/// <param name="Manifest">Names the message type within the serializer.</param>
/// <param name="Payload">The Protobuf encoding.</param>
#pragma warning disable CA1819 // a payload is a byte array by nature; it is never mutated after serialization
public sealed record SerializedPayload(int SerializerId, string Manifest, byte[] Payload);
#pragma warning restore CA1819
