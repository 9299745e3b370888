using DhcpCluster.Actors.Persistence;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Snapshots;
using DhcpCluster.Dhcp;
using DhcpCluster.Server.Leases;
using DhcpCluster.Server.Leases.Events;
using Google.Protobuf;

namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>
/// Writes a pool owner's journal as the server would have written it (the product's event types, serializers, read
/// model and persistence id), without the network: <c>leases</c> leases bound to distinct clients (hardware addresses
/// 02:bb:…) from the first address of a pool on, then renewals of them, round robin, up to <c>events</c> events.
/// Every lease stays valid for a day. Unless told not to, it also saves the snapshot the owner would have saved last
/// (the server's rule: after <see cref="SnapshotEvery"/> events, or after a quarter of its lease count in events when
/// that is more), so a start loads it and replays only the tail.
/// </summary>
internal static class JournalSeeder
{
    /// <summary>The persistence id of the owner of subnet 1 (the benchmark's subnet).</summary>
    public const string PersistenceId = "dhcp4-pool-owner-subnet-1";

    /// <summary>The server's default snapshot-every.</summary>
    public const int SnapshotEvery = 1000;

    /// <summary>The server's snapshot spacing in lease counts (PoolOwnerActor.SnapshotLeaseFraction).</summary>
    public const int SnapshotLeaseFraction = 4;
    private const int WritesPerBatch = 2000;

    /// <summary>Seeds <paramref name="file"/> for subnet 1's pool and returns the leased addresses with their hardware addresses.</summary>
    public static Task<IReadOnlyDictionary<uint, string>> SeedSqliteAsync(string file, int events, int leases, bool withSnapshot, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(leases, BenchTopology.PoolSize);
        return SeedSqliteAsync(file, PersistenceId, 1, Ipv4Address.Parse(BenchTopology.Pool.Split(' ')[0]), events, leases, withSnapshot, cancellationToken);
    }

    /// <summary>
    /// Seeds <paramref name="file"/> for the owner <paramref name="persistenceId"/> of subnet <paramref name="subnetId"/>,
    /// leasing <paramref name="leases"/> addresses from <paramref name="poolStart"/> on; returns them with their hardware addresses.
    /// </summary>
    public static async Task<IReadOnlyDictionary<uint, string>> SeedSqliteAsync(
        string file, string persistenceId, uint subnetId, Ipv4Address poolStart, int events, int leases, bool withSnapshot, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(leases, events);
        var store = await PersistenceStore.StartAsync(new PersistenceStoreOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = "Data Source=" + file,
            Serializers = LeaseEventSerializers.Register(new SerializerRegistry()),
            ReadModelTables = [LeaseReadModel.Table],
        }, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var leased = new Dictionary<uint, string>(leases);
            var batch = new List<AtomicWrite>(WritesPerBatch);
            var records = new LeaseRecord[leases];
            var snapshotAt = withSnapshot ? LastSnapshotAt(events, leases) : 0;
            PoolOwnerSnapshot? snapshot = null;
            for (long sequenceNr = 1; sequenceNr <= events; sequenceNr++)
            {
                var index = (int)((sequenceNr - 1) % leases);
                var address = poolStart.Add(index);
                var hardware = HardwareAddress(index);
                var record = BoundRecord(address, subnetId, hardware, now);
                object @event = sequenceNr <= leases ? new LeaseBound { Lease = record } : new LeaseRenewed { Lease = record };
                batch.Add(new AtomicWrite(persistenceId, sequenceNr, @event, null, [LeaseReadModel.ChangeFor(LeaseRecords.FromRecord(record))]));
                leased[address.Value] = Convert.ToHexString(hardware.AsSpan(1));
                records[index] = record;
                if (sequenceNr == snapshotAt)
                {
                    snapshot = LeaseSnapshots.Pack(records.Take((int)Math.Min(sequenceNr, leases)).Select(LeaseRecords.FromRecord).ToList());
                }

                if (batch.Count == WritesPerBatch || sequenceNr == events)
                {
                    var failures = await store.Journal.WriteMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
                    if (failures.FirstOrDefault(f => f is not null) is { } failure)
                    {
                        throw new InvalidOperationException("seeding the journal failed: " + failure.Message, failure);
                    }

                    batch = new List<AtomicWrite>(WritesPerBatch);
                }
            }

            if (snapshot is not null)
            {
                await store.Snapshots.SaveAsync(new SnapshotMetadata(persistenceId, snapshotAt, DateTimeOffset.UtcNow), snapshot, cancellationToken).ConfigureAwait(false);
            }

            return leased;
        }
    }

    /// <summary>The sequence number of the last snapshot the owner would have saved: its rule replayed over the events.</summary>
    public static long LastSnapshotAt(long events, int leases)
    {
        var last = 0L;
        var since = 0L;
        for (long sequenceNr = 1; sequenceNr <= events; sequenceNr++)
        {
            var durable = Math.Min(sequenceNr, leases);
            if (++since >= Math.Max(SnapshotEvery, durable / SnapshotLeaseFraction))
            {
                since = 0;
                last = sequenceNr;
            }
        }

        return last;
    }

    private static byte[] HardwareAddress(int index) => [1, 0x02, 0xbb, (byte)(index >> 24), (byte)(index >> 16), (byte)(index >> 8), (byte)index];

    private static LeaseRecord BoundRecord(Ipv4Address address, uint subnetId, byte[] hardware, long now) => new()
    {
        Address = address.Value,
        HardwareAddress = ByteString.CopyFrom(hardware),
        ClientId = ByteString.Empty,
        ValidLifetime = 86400,
        Start = now,
        Expires = now + 86400,
        SubnetId = subnetId,
        Hostname = string.Empty,
        State = LeaseRecordState.Bound,
    };
}
