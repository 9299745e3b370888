using DhcpCluster.Actors.Cluster.Protos;
using DhcpCluster.Actors.Cluster.Sharding;
using DhcpCluster.Actors.Remote.Serialization;
using Google.Protobuf;
using static DhcpCluster.Actors.Cluster.Sharding.ShardCoordinatorProtocol;
using static DhcpCluster.Actors.Cluster.Singleton.ClusterSingletonManagerProtocol;

namespace DhcpCluster.Actors.Cluster.Serialization;

/// <summary>
/// The singleton's and sharding's messages that cross nodes, as protobuf under fixed manifests. A message on its
/// way to an entity carries the entity's message serialized by the node's own serializers (id, manifest, bytes).
/// </summary>
public sealed class ShardingMessageSerializer : Serializer
{
    /// <summary>The serializer id.</summary>
    public const int Id = 6;

    private readonly ActorRefResolver _refs;

    /// <summary>Creates the serializer.</summary>
    public ShardingMessageSerializer(ActorRefResolver refs) => _refs = refs;

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <summary>The node's serializers, for the payloads of entity messages (set once the transport exists).</summary>
    public SerializationRegistry? Payloads { get; set; }

    /// <inheritdoc/>
    public override bool CanSerialize(Type type) =>
        type == typeof(ShardRegionProtocol.ShardDelivery) || type == typeof(SingletonDelivery) || type == typeof(HandOverToMe) || type == typeof(HandOverInProgress) || type == typeof(HandOverDone)
        || type == typeof(Register) || type == typeof(RegisterAck) || type == typeof(CoordinatorHello) || type == typeof(GetShardHome) || type == typeof(ShardHome)
        || type == typeof(HostShard) || type == typeof(ShardStarted) || type == typeof(BeginHandOff) || type == typeof(BeginHandOffAck) || type == typeof(HandOff)
        || type == typeof(ShardStopped) || type == typeof(GracefulShutdownRequest) || type == typeof(GetRegions) || type == typeof(ShardRegionProtocol.CurrentRegions)
        || type == typeof(ShardRegionProtocol.GetShardRegionStats) || type == typeof(ShardRegionProtocol.ShardRegionStats);

    /// <inheritdoc/>
    public override string Manifest(object message) => message switch
    {
        ShardRegionProtocol.ShardDelivery => "D",
        SingletonDelivery => "SD",
        HandOverToMe => "HOTM",
        HandOverInProgress => "HOIP",
        HandOverDone => "HOD",
        Register => "R",
        RegisterAck => "RA",
        CoordinatorHello => "CH",
        GetShardHome => "GSH",
        ShardHome => "SH",
        HostShard => "HS",
        ShardStarted => "SS",
        BeginHandOff => "BHO",
        BeginHandOffAck => "BHOA",
        HandOff => "HO",
        ShardStopped => "SST",
        GracefulShutdownRequest => "GSR",
        GetRegions => "GR",
        ShardRegionProtocol.CurrentRegions => "CR",
        ShardRegionProtocol.GetShardRegionStats => "GRS",
        ShardRegionProtocol.ShardRegionStats => "RS",
        _ => throw new ArgumentException($"{message?.GetType().Name} is not a sharding message.", nameof(message)),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object message) => message switch
    {
        ShardRegionProtocol.ShardDelivery d => ToData(d).ToByteArray(),
        SingletonDelivery d => ToData(new ShardRegionProtocol.ShardDelivery(string.Empty, string.Empty, d.Message, 0)).ToByteArray(),
        HandOverToMe or HandOverInProgress or HandOverDone or GetRegions or ShardRegionProtocol.GetShardRegionStats => [],
        Register r => new RegisterData { Region = ActorRefResolver.PathOf(r.Region), Shards = { r.Shards } }.ToByteArray(),
        RegisterAck a => new RegisterData { Region = ActorRefResolver.PathOf(a.Coordinator) }.ToByteArray(),
        CoordinatorHello h => new RegisterData { Region = ActorRefResolver.PathOf(h.Coordinator) }.ToByteArray(),
        GracefulShutdownRequest g => new RegisterData { Region = ActorRefResolver.PathOf(g.Region) }.ToByteArray(),
        ShardHome h => new ShardHomeData { Shard = h.Shard, Region = ActorRefResolver.PathOf(h.Region) }.ToByteArray(),
        GetShardHome m => Shard(m.Shard),
        HostShard m => Shard(m.Shard),
        ShardStarted m => Shard(m.Shard),
        BeginHandOff m => Shard(m.Shard),
        BeginHandOffAck m => Shard(m.Shard),
        HandOff m => Shard(m.Shard),
        ShardStopped m => Shard(m.Shard),
        ShardRegionProtocol.CurrentRegions c => Counts(c.ShardsByRegion.Select(kv => KeyValuePair.Create(kv.Key.ToString(), kv.Value))),
        ShardRegionProtocol.ShardRegionStats s => Counts(s.Stats),
        _ => throw new ArgumentException($"{message?.GetType().Name} is not a sharding message.", nameof(message)),
    };

    /// <inheritdoc/>
    public override object FromBinary(ReadOnlySpan<byte> payload, string manifest)
    {
        try
        {
            return manifest switch
            {
                "D" => FromData(ShardDeliveryData.Parser.ParseFrom(payload)),
                "SD" => new SingletonDelivery(FromData(ShardDeliveryData.Parser.ParseFrom(payload)).Message),
                "HOTM" => HandOverToMe.Instance,
                "HOIP" => HandOverInProgress.Instance,
                "HOD" => HandOverDone.Instance,
                "GR" => new GetRegions(),
                "GRS" => ShardRegionProtocol.GetShardRegionStats.Instance,
                "R" => FromRegister(RegisterData.Parser.ParseFrom(payload)),
                "RA" => new RegisterAck(_refs.Resolve(RegisterData.Parser.ParseFrom(payload).Region)),
                "CH" => new CoordinatorHello(_refs.Resolve(RegisterData.Parser.ParseFrom(payload).Region)),
                "GSR" => new GracefulShutdownRequest(_refs.Resolve(RegisterData.Parser.ParseFrom(payload).Region)),
                "SH" => FromShardHome(ShardHomeData.Parser.ParseFrom(payload)),
                "GSH" => new GetShardHome(ShardOf(payload)),
                "HS" => new HostShard(ShardOf(payload)),
                "SS" => new ShardStarted(ShardOf(payload)),
                "BHO" => new BeginHandOff(ShardOf(payload)),
                "BHOA" => new BeginHandOffAck(ShardOf(payload)),
                "HO" => new HandOff(ShardOf(payload)),
                "SST" => new ShardStopped(ShardOf(payload)),
                "CR" => new ShardRegionProtocol.CurrentRegions(RegionStatsData.Parser.ParseFrom(payload).Shards.ToDictionary(s => Address.Parse(s.Shard), s => s.Entities)),
                "RS" => new ShardRegionProtocol.ShardRegionStats(RegionStatsData.Parser.ParseFrom(payload).Shards.ToDictionary(s => s.Shard, s => s.Entities, StringComparer.Ordinal)),
                _ => throw new UnknownManifestException($"Unknown sharding message manifest '{manifest}'."),
            };
        }
        catch (FormatException e)
        {
            throw new UnknownManifestException($"Invalid sharding message ({manifest}): {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new UnknownManifestException($"Invalid sharding message ({manifest}): {e.Message}", e);
        }
    }

    private static byte[] Shard(string shard) => new ShardIdData { Shard = shard }.ToByteArray();

    private static string ShardOf(ReadOnlySpan<byte> payload) => ShardIdData.Parser.ParseFrom(payload).Shard;

    private static byte[] Counts(IEnumerable<KeyValuePair<string, int>> counts)
    {
        var data = new RegionStatsData();
        data.Shards.AddRange(counts.Select(kv => new ShardCountData { Shard = kv.Key, Entities = kv.Value }));
        return data.ToByteArray();
    }

    private ShardDeliveryData ToData(ShardRegionProtocol.ShardDelivery delivery)
    {
        var payloads = Payloads ?? throw new InvalidOperationException("The sharding serializer has no payload serializers yet.");
        var serializer = payloads.FindFor(delivery.Message)
            ?? throw new ArgumentException($"No serializer for entity message {delivery.Message.GetType().Name}: register it (protobuf) with the remote setup.", nameof(delivery));
        return new ShardDeliveryData
        {
            EntityId = delivery.EntityId,
            ShardId = delivery.ShardId,
            SerializerId = serializer.Identifier,
            Manifest = serializer.Manifest(delivery.Message),
            Payload = ByteString.CopyFrom(serializer.ToBinary(delivery.Message)),
            CreatedUtcTicks = delivery.CreatedUtcTicks,
        };
    }

    private ShardRegionProtocol.ShardDelivery FromData(ShardDeliveryData data)
    {
        var payloads = Payloads ?? throw new InvalidOperationException("The sharding serializer has no payload serializers yet.");
        var message = payloads.Deserialize(data.SerializerId, data.Manifest, data.Payload.Span);
        return new ShardRegionProtocol.ShardDelivery(data.EntityId, data.ShardId, message, data.CreatedUtcTicks);
    }

    private Register FromRegister(RegisterData data) => new(_refs.Resolve(data.Region), [.. data.Shards]);

    private ShardHome FromShardHome(ShardHomeData data) => new(data.Shard, _refs.Resolve(data.Region));
}
