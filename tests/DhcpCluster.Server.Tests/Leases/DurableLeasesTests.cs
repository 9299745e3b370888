using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Leases;

namespace DhcpCluster.Server.Tests.Leases;

/// <summary>The owner's durable leases kept as the difference from its store: only in-flight addresses cost an entry.</summary>
public class DurableLeasesTests
{
    private const long Now = 1_800_000_000;
    private static readonly Ipv4Address First = Ipv4Address.Parse("192.0.2.10");

    [Fact]
    public void Recovered_and_written_leases_keep_no_difference()
    {
        var (store, durable) = Create();
        durable.Recover(Bound(First, 1));
        Assert.Equal(1, durable.Count);
        Assert.Equal(0, durable.DifferenceCount);

        var renewed = Bound(First, 1) with { Expires = Now + 7200 };
        store.Put(renewed);
        Assert.Equal(1, durable.DifferenceCount);
        Assert.True(durable.TryGet(First, out var before));
        Assert.Equal(Now + 3600, before.Expires);

        durable.Set(renewed);
        Assert.Equal(0, durable.DifferenceCount);
        Assert.True(durable.TryGet(First, out var after));
        Assert.Equal(renewed, after);
        Assert.Equal(1, durable.Count);
    }

    [Fact]
    public void An_offer_over_a_durable_lease_is_a_difference_until_it_lapses()
    {
        var (store, durable) = Create();
        var expired = Bound(First, 1) with { State = LeaseState.Expired };
        durable.Recover(expired);
        var offer = Bound(First, 2) with { State = LeaseState.Offered, Expires = Now + 60 };
        store.Put(offer);
        Assert.True(durable.TryGet(First, out var held));
        Assert.Equal(expired, held);
        Assert.Equal([expired], durable.All());

        store.Reclaim(Now + 61);
        Assert.False(store.TryGetLease(First, out _));
        Assert.Equal([expired], durable.All()); // the durable lease outlives the offer that displaced it in memory
        store.Put(expired);
        durable.SettleAll();
        Assert.Equal(0, durable.DifferenceCount);
        Assert.Equal([expired], durable.All());
    }

    [Fact]
    public void An_offer_of_a_free_address_leaves_no_difference_once_reclaimed_and_a_deletion_counts()
    {
        var (store, durable) = Create();
        store.Put(Bound(First + 1, 3) with { State = LeaseState.Offered, Expires = Now + 60 });
        Assert.False(durable.TryGet(First + 1, out _));
        Assert.Empty(durable.All());
        store.Reclaim(Now + 61);
        durable.SettleAll();
        Assert.Equal(0, durable.DifferenceCount);

        durable.Recover(Bound(First, 1));
        store.Remove(First);
        durable.Remove(First);
        Assert.Equal(0, durable.Count);
        Assert.Equal(0, durable.DifferenceCount);
        Assert.Empty(durable.All());
    }

    private static (LeaseStore Store, DurableLeases Durable) Create()
    {
        var subnet = new Subnet4(1, "192.0.2.0/24") { Pools = [Pool4.Parse("192.0.2.10 - 192.0.2.20")] };
        var store = new LeaseStore(new Dhcp4Configuration { Subnets = [subnet] }.Build());
        return (store, new DurableLeases(store));
    }

    private static Lease Bound(Ipv4Address address, byte client) =>
        new(address, 1, ClientKey.FromHardwareAddress(1, [2, 0, 0, 0, 0, client]), null, LeaseState.Bound, Now, Now + 3600, 3600, null);
}
