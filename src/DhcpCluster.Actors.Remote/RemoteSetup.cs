using DhcpCluster.Actors.Remote.Serialization;

namespace DhcpCluster.Actors.Remote;

/// <summary>What a remote-capable system adds to an <see cref="ActorSystemSetup"/>: the serializers of its messages.</summary>
public sealed record RemoteSetup
{
    /// <summary>Extra serializers (each created with the node's reference resolver); ids 1-3 are the runtime's.</summary>
    public IReadOnlyList<Func<ActorRefResolver, Serializer>> Serializers { get; init; } = [];

    /// <summary>Application protobuf messages: register each type with its manifest here.</summary>
    public ProtobufSerializer Protobuf { get; init; } = new();

    /// <summary>Incarnation id to use (0: a random one). Tests and restarts leave it at 0.</summary>
    public long Uid { get; init; }

    /// <summary>A setup with more serializers.</summary>
    public RemoteSetup WithSerializer(Func<ActorRefResolver, Serializer> factory) => this with { Serializers = [.. Serializers, factory] };
}
