using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Leases;
using DhcpCluster.Server.Leases.Events;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;

namespace DhcpCluster.Server.Tests.Leases;

/// <summary>FsCheck: the packed snapshot gives back every lease as it was, through protobuf bytes; old snapshots still read.</summary>
public class LeaseSnapshotsProperties
{
    private static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(n));

    private static Gen<Lease> AnyLease =>
        from address in Gen.Choose(0, int.MaxValue)
        from subnet in Gen.Choose(0, 5000)
        from hardware in Gen.OneOf(Gen.Constant<byte[]?>(null), Bytes(0, 16).Select(b => (byte[]?)b))
        from clientId in Gen.OneOf(Gen.Constant<byte[]?>(null), Bytes(1, 255).Select(b => (byte[]?)b))
        from state in Gen.Elements(LeaseState.Bound, LeaseState.Expired, LeaseState.Released, LeaseState.Declined)
        from start in Gen.Choose(0, int.MaxValue)
        from lifetime in Gen.Choose(0, int.MaxValue)
        from hostname in Gen.Elements<string?>(null, "a", "host-7.example", "ünïcode", new string('x', 300))
        select new Lease(
            new Ipv4Address((uint)address * 2), (uint)subnet, hardware is null ? default : ClientKey.FromHardwareAddress(1, hardware),
            clientId is null ? null : ClientKey.FromClientIdentifier(clientId), state, start, (long)start + lifetime, (uint)lifetime, hostname);

    [Fact]
    public void Packed_snapshots_round_trip_through_their_protobuf_bytes()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Gen.Choose(0, 40).SelectMany(n => AnyLease.ArrayOf(n)).ToArbitrary(), leases =>
        {
            var bytes = LeaseSnapshots.Pack(leases).ToByteArray();
            var back = new List<Lease>();
            LeaseSnapshots.Unpack(PoolOwnerSnapshot.Parser.ParseFrom(bytes), back.Add);
            return back.SequenceEqual(leases);
        }));
    }

    [Fact]
    public void Snapshots_of_one_record_per_lease_still_read_and_truncated_packed_leases_are_an_error()
    {
        var lease = new Lease(Ipv4Address.Parse("192.0.2.7"), 1, ClientKey.FromHardwareAddress(1, [2, 0, 0, 0, 0, 7]), null, LeaseState.Bound, 100, 3700, 3600, null);
        var old = new PoolOwnerSnapshot();
        old.Leases.Add(LeaseRecords.ToRecord(lease));
        var back = new List<Lease>();
        LeaseSnapshots.Unpack(old, back.Add);
        Assert.Equal([lease], back);

        var packed = LeaseSnapshots.Pack([lease]).PackedLeases.ToByteArray();
        var truncated = new PoolOwnerSnapshot { PackedLeases = ByteString.CopyFrom(packed.AsSpan(0, packed.Length - 3)) };
        Assert.Throws<FormatException>(() => LeaseSnapshots.Unpack(truncated, _ => { }));
    }
}
