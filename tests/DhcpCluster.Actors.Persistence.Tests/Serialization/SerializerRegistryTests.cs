using DhcpCluster.Actors.Persistence.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.Serialization;

/// <summary>The serializer registry: round trips, lookups by (id, manifest), and refusals.</summary>
public sealed class SerializerRegistryTests
{
    private static SerializerRegistry Registry() => new SerializerRegistry().Register<StringValue>(100, "s").Register<Int64Value>(100, "i").Register<BytesValue>(7, "s");

    [Fact]
    public void Strings_round_trip_under_their_id_and_manifest() =>
        Prop.ForAll<string>(text =>
        {
            var registry = Registry();
            var stored = registry.Serialize(new StringValue { Value = text ?? string.Empty });
            var back = (StringValue)registry.Deserialize(stored.SerializerId, stored.Manifest, stored.Payload, "p", 1);
            return stored.SerializerId == 100 && string.Equals(stored.Manifest, "s", StringComparison.Ordinal) && string.Equals(back.Value, text ?? string.Empty, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Longs_and_bytes_round_trip_and_the_serializer_id_tells_equal_manifests_apart() =>
        Prop.ForAll<long, byte[]>((number, bytes) =>
        {
            var registry = Registry();
            var storedNumber = registry.Serialize(new Int64Value { Value = number });
            var storedBytes = registry.Serialize(new BytesValue { Value = Google.Protobuf.ByteString.CopyFrom(bytes ?? []) });
            var backNumber = (Int64Value)registry.Deserialize(storedNumber.SerializerId, storedNumber.Manifest, storedNumber.Payload, "p", 1);
            var backBytes = (BytesValue)registry.Deserialize(storedBytes.SerializerId, storedBytes.Manifest, storedBytes.Payload, "p", 2);
            return backNumber.Value == number && backBytes.Value.ToByteArray().AsSpan().SequenceEqual(bytes ?? []) && storedBytes.SerializerId == 7;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Unknown_manifest_names_the_persistence_id_sequence_number_and_manifest()
    {
        var error = Assert.Throws<UnknownManifestException>(() => Registry().Deserialize(100, "lease-v2", [], "client-42", 17));
        Assert.Equal("Cannot recover persistence id 'client-42' at sequence number 17: serializer id 100 with manifest 'lease-v2' is not registered.", error.Message);
    }

    [Fact]
    public void Corrupt_bytes_are_an_error_naming_the_event()
    {
        var error = Assert.Throws<StoredPayloadCorruptException>(() => Registry().Deserialize(100, "i", [0xFF, 0xFF, 0xFF], "client-1", 3));
        Assert.Contains("'client-1' at sequence number 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unregistered_types_and_duplicate_registrations_are_refused()
    {
        var registry = new SerializerRegistry().Register<StringValue>(100, "s");
        Assert.Throws<ArgumentException>(() => registry.Register<StringValue>(101, "t"));
        Assert.Throws<ArgumentException>(() => registry.Register<Int64Value>(100, "s"));
        Assert.Throws<ArgumentException>(() => registry.Serialize(new Int64Value()));
        registry.Freeze();
        Assert.Throws<InvalidOperationException>(() => registry.Register<Int64Value>(100, "i"));
    }
}
