using System.Buffers;
using DhcpCluster.Actors.Remote.Protos;
using DhcpCluster.Actors.Remote.Serialization;
using DhcpCluster.Actors.Remote.Transport;
using DhcpCluster.Hocon;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;

namespace DhcpCluster.Actors.Remote.Tests;

public sealed class CodecTests
{
    [Fact]
    public void Primitive_messages_round_trip()
    {
        var serializer = new PrimitiveSerializer();
        Prop.ForAll<string, long, int>((s, l, i) =>
        {
            var text = s ?? string.Empty;
            return Equals(text, serializer.FromBinary(serializer.ToBinary(text), serializer.Manifest(text)))
                && Equals(l, serializer.FromBinary(serializer.ToBinary(l), serializer.Manifest(l)))
                && Equals(i, serializer.FromBinary(serializer.ToBinary(i), serializer.Manifest(i)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Frames_split_at_any_point_are_read_back_whole_and_in_order()
    {
        Prop.ForAll<string[], byte[]>((recipients, payload) =>
        {
            var names = (recipients ?? []).Select(r => r ?? string.Empty).ToArray();
            var buffer = new ArrayBufferWriter<byte>();
            foreach (var name in names)
            {
                FrameCodec.Write(buffer, new RemoteEnvelope { Recipient = name, Payload = ByteString.CopyFrom(payload ?? []) });
            }

            var bytes = buffer.WrittenSpan.ToArray();
            var sequence = new ReadOnlySequence<byte>(bytes);
            var read = new List<string>();
            while (FrameCodec.TryRead(ref sequence, int.MaxValue, out var frame))
            {
                read.Add(RemoteEnvelope.Parser.ParseFrom(frame).Recipient);
            }

            return read.SequenceEqual(names, StringComparer.Ordinal) && sequence.Length == 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_frame_announcing_more_than_the_maximum_is_a_protocol_error()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[] { 0xFF, 0xFF, 0xFF, 0x00, 1, 2 });
        Assert.Throws<InvalidDataException>(() => FrameCodec.TryRead(ref sequence, 1000, out _));
    }

    [Fact]
    public void Unknown_serializer_ids_and_manifests_are_refused_not_resolved()
    {
        var registry = new SerializationRegistry([new PrimitiveSerializer(), new ProtobufSerializer().Register<RemoteEnvelope>("env")]);
        Assert.Throws<UnknownManifestException>(() => registry.Deserialize(99, "S", []));
        Assert.Throws<UnknownManifestException>(() => registry.Deserialize(ProtobufSerializer.Id, "System.Diagnostics.Process, System", []));
        Assert.Equal("x", ((RemoteEnvelope)registry.RoundTrip(new RemoteEnvelope { Recipient = "x" })).Recipient);
    }

    [Fact]
    public void Settings_reject_bad_values_with_the_key()
    {
        var error = Assert.Throws<ConfigException>(() => RemoteSettings.Read(ConfigFactory.ParseString("dhcp-cluster.remote.dot-netty.tcp.port = 70000")));
        Assert.Contains("port", error.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigException>(() => RemoteSettings.Read(ConfigFactory.ParseString("dhcp-cluster.remote.require-cookie = on")));
        var defaults = RemoteSettings.Read(ConfigFactory.Empty);
        Assert.Equal(2552, defaults.Port);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.RetryGateClosedFor);
    }
}
