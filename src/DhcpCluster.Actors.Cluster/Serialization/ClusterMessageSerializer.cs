using DhcpCluster.Actors.Cluster.Protos;
using DhcpCluster.Actors.Remote.Serialization;
using Google.Protobuf;

namespace DhcpCluster.Actors.Cluster.Serialization;

/// <summary>The cluster's own messages (join, gossip, heartbeats) as protobuf, under fixed manifests.</summary>
public sealed class ClusterMessageSerializer : Serializer
{
    /// <summary>The serializer id.</summary>
    public const int Id = 5;

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <inheritdoc/>
    public override bool CanSerialize(Type type) =>
        type == typeof(ClusterMessages.InitJoin) || type == typeof(ClusterMessages.InitJoinAck) || type == typeof(ClusterMessages.Join)
        || type == typeof(ClusterMessages.Welcome) || type == typeof(ClusterMessages.GossipEnvelope)
        || type == typeof(HeartbeatMessages.Heartbeat) || type == typeof(HeartbeatMessages.HeartbeatRsp);

    /// <inheritdoc/>
    public override string Manifest(object message) => message switch
    {
        ClusterMessages.InitJoin => "IJ",
        ClusterMessages.InitJoinAck => "IJA",
        ClusterMessages.Join => "J",
        ClusterMessages.Welcome => "W",
        ClusterMessages.GossipEnvelope => "G",
        HeartbeatMessages.Heartbeat => "HB",
        HeartbeatMessages.HeartbeatRsp => "HBR",
        _ => throw new ArgumentException($"{message?.GetType().Name} is not a cluster message.", nameof(message)),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object message) => message switch
    {
        ClusterMessages.InitJoin m => new InitJoinData { From = m.From.ToString() }.ToByteArray(),
        ClusterMessages.InitJoinAck m => new InitJoinAckData { Address = m.Address.ToString() }.ToByteArray(),
        ClusterMessages.Join m => new JoinData { Node = ToData(m.Node), Roles = { m.Roles } }.ToByteArray(),
        ClusterMessages.Welcome m => new WelcomeData { From = ToData(m.From), Gossip = ToData(m.Gossip) }.ToByteArray(),
        ClusterMessages.GossipEnvelope m => new GossipEnvelopeData { From = ToData(m.From), To = ToData(m.To), Gossip = ToData(m.Gossip) }.ToByteArray(),
        HeartbeatMessages.Heartbeat m => new HeartbeatData { From = m.From.ToString(), Sequence = m.Sequence, CreationUtcTicks = m.CreationUtcTicks }.ToByteArray(),
        HeartbeatMessages.HeartbeatRsp m => new HeartbeatRspData { From = ToData(m.From), Sequence = m.Sequence, CreationUtcTicks = m.CreationUtcTicks }.ToByteArray(),
        _ => throw new ArgumentException($"{message?.GetType().Name} is not a cluster message.", nameof(message)),
    };

    /// <inheritdoc/>
    public override object FromBinary(ReadOnlySpan<byte> payload, string manifest)
    {
        try
        {
            return manifest switch
            {
                "IJ" => new ClusterMessages.InitJoin(Address.Parse(InitJoinData.Parser.ParseFrom(payload).From)),
                "IJA" => new ClusterMessages.InitJoinAck(Address.Parse(InitJoinAckData.Parser.ParseFrom(payload).Address)),
                "J" => FromJoin(JoinData.Parser.ParseFrom(payload)),
                "W" => FromWelcome(WelcomeData.Parser.ParseFrom(payload)),
                "G" => FromEnvelope(GossipEnvelopeData.Parser.ParseFrom(payload)),
                "HB" => FromHeartbeat(HeartbeatData.Parser.ParseFrom(payload)),
                "HBR" => FromHeartbeatRsp(HeartbeatRspData.Parser.ParseFrom(payload)),
                _ => throw new UnknownManifestException($"Unknown cluster message manifest '{manifest}'."),
            };
        }
        catch (FormatException e)
        {
            throw new UnknownManifestException($"Invalid cluster message ({manifest}): {e.Message}", e);
        }
    }

    /// <summary>The protobuf form of a gossip.</summary>
    internal static GossipData ToData(Gossip gossip)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        var data = new GossipData();
        foreach (var m in gossip.Members.Values)
        {
            data.Members.Add(new MemberData { Node = ToData(m.UniqueAddress), Status = (int)m.Status, Roles = { m.Roles }, UpNumber = m.UpNumber });
        }

        foreach (var (observer, record) in gossip.Reachability.Observers)
        {
            var o = new ObserverData { Observer = ToData(observer), Version = record.Version };
            o.Unreachable.AddRange(record.Unreachable.Select(ToData));
            data.Reachability.Add(o);
        }

        data.Seen.AddRange(gossip.Seen.Select(ToData));
        data.Tombstones.AddRange(gossip.Tombstones.Select(ToData));
        data.Version.AddRange(gossip.Version.Versions.Select(v => new VersionData { Node = v.Key, Counter = v.Value }));
        return data;
    }

    /// <summary>A gossip from its protobuf form.</summary>
    /// <exception cref="FormatException">When an address or status is invalid.</exception>
    internal static Gossip FromData(GossipData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var members = data.Members.Select(m =>
        {
            if (m.Status is < 0 or > (int)MemberStatus.Removed)
            {
                throw new FormatException($"Invalid member status {m.Status}.");
            }

            return new Member(FromData(m.Node), (MemberStatus)m.Status, [.. m.Roles], m.UpNumber);
        });
        return new Gossip(
            System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(members.Select(m => KeyValuePair.Create(m.UniqueAddress, m))),
            Reachability.From(data.Reachability.Select(o => KeyValuePair.Create(FromData(o.Observer), new ObserverRecord(o.Version, [.. o.Unreachable.Select(FromData)])))),
            [.. data.Seen.Select(FromData)],
            [.. data.Tombstones.Select(FromData)],
            VectorClock.From(data.Version.Select(v => KeyValuePair.Create(v.Node, v.Counter))));
    }

    private static UniqueAddressData ToData(UniqueAddress node) => new() { Address = node.Address.ToString(), Uid = node.Uid };

    private static UniqueAddress FromData(UniqueAddressData? data) =>
        data is null ? throw new FormatException("Missing unique address.") : new UniqueAddress(Address.Parse(data.Address), data.Uid);

    private static ClusterMessages.Join FromJoin(JoinData data) => new(FromData(data.Node), [.. data.Roles]);

    private static ClusterMessages.Welcome FromWelcome(WelcomeData data) =>
        new(FromData(data.From), FromData(data.Gossip ?? throw new FormatException("Missing gossip.")));

    private static ClusterMessages.GossipEnvelope FromEnvelope(GossipEnvelopeData data) =>
        new(FromData(data.From), FromData(data.To), FromData(data.Gossip ?? throw new FormatException("Missing gossip.")));

    private static HeartbeatMessages.Heartbeat FromHeartbeat(HeartbeatData data) => new(Address.Parse(data.From), data.Sequence, data.CreationUtcTicks);

    private static HeartbeatMessages.HeartbeatRsp FromHeartbeatRsp(HeartbeatRspData data) => new(FromData(data.From), data.Sequence, data.CreationUtcTicks);
}
