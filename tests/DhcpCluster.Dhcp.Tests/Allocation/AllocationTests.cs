using DhcpCluster.Dhcp.Allocation;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Tests.Allocation;

public class AllocationTests
{
    private const long Now = 1_800_000_000;

    [Fact]
    public void Bitmap_finds_clear_bits_from_a_start_and_wraps()
    {
        var bitmap = new AddressBitmap(130);
        Assert.Equal(5, bitmap.FindClear(5));
        for (var i = 0; i < 130; i++)
        {
            if (i != 3 && i != 129)
            {
                Assert.True(bitmap.Set(i));
            }
        }

        Assert.False(bitmap.Set(0));
        Assert.Equal(2, bitmap.ClearCount);
        Assert.Equal(129, bitmap.FindClear(4));
        Assert.Equal(3, bitmap.FindClear(129 + 1));
        Assert.Equal(3, bitmap.FindClear(0));
        bitmap.Set(3);
        bitmap.Set(129);
        Assert.Equal(-1, bitmap.FindClear(0));
        Assert.True(bitmap.Clear(64));
        Assert.Equal(64, bitmap.FindClear(100));
    }

    [Fact]
    public void Iterative_allocator_hands_out_addresses_in_order_and_wraps_to_freed_ones()
    {
        var state = new PoolState(Pool4.Parse("192.0.2.10 - 192.0.2.13"));
        var picked = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(IterativeAllocator.Instance.TryPick(state, out var address));
            picked.Add(address.ToString());
            state.Put(Bound(address, i));
        }

        Assert.Equal(["192.0.2.10", "192.0.2.11", "192.0.2.12", "192.0.2.13"], picked);
        Assert.False(IterativeAllocator.Instance.TryPick(state, out _));
        state.Put(Bound(Ipv4Address.Parse("192.0.2.11"), 1) with { State = LeaseState.Released });
        Assert.True(IterativeAllocator.Instance.TryPick(state, out var again));
        Assert.Equal(Ipv4Address.Parse("192.0.2.11"), again);
    }

    [Fact]
    public void Random_allocator_covers_the_whole_pool_without_repeating_and_not_in_order()
    {
        var state = new PoolState(Pool4.Parse("10.0.0.0/26"), randomSeed: 12345);
        var seen = new HashSet<Ipv4Address>();
        var order = new List<uint>();
        for (var i = 0; i < 64; i++)
        {
            Assert.True(RandomAllocator.Instance.TryPick(state, out var address));
            Assert.True(seen.Add(address), $"{address} handed out twice");
            order.Add(address.Value);
            state.Put(Bound(address, i));
        }

        Assert.False(RandomAllocator.Instance.TryPick(state, out _));
        Assert.NotEqual(order.OrderBy(v => v).ToList(), order);
    }

    [Fact]
    public void Pools_of_millions_of_addresses_cost_a_bitmap_and_records_only_for_used_addresses()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var state = new PoolState(Pool4.Parse("10.0.0.0/12"));
        var created = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1 << 20, state.AvailableCount);
        Assert.InRange(created, (1 << 20) / 8, ((1 << 20) / 8) + 4096);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(RandomAllocator.Instance.TryPick(state, out var address));
            state.Put(Bound(address, i));
        }

        Assert.Equal(1000, state.LeaseCount);
        Assert.Equal((1 << 20) - 1000, state.AvailableCount);
    }

    [Fact]
    public void Network_broadcast_server_router_and_reserved_addresses_are_excluded()
    {
        var subnet = new Subnet4(1, "192.0.2.0/29")
        {
            Pools = [Pool4.Parse("192.0.2.0/29")],
            OptionData = new OptionDataSet([OptionDataItem.FromAddresses(3, Ipv4Address.Parse("192.0.2.2"))]),
            Reservations = [new HostReservation { HwAddress = new byte[] { 1, 2, 3, 4, 5, 6 }, IpAddress = Ipv4Address.Parse("192.0.2.6") }],
        };
        var store = new LeaseStore(new Dhcp4Configuration { Subnets = [subnet] }.Build(), [Ipv4Address.Parse("192.0.2.1")]);
        var state = store.PoolStateOf(subnet.Pools[0]);
        var free = new List<string>();
        while (IterativeAllocator.Instance.TryPick(state, out var address))
        {
            free.Add(address.ToString());
            state.Put(Bound(address, free.Count));
        }

        Assert.Equal(["192.0.2.3", "192.0.2.4", "192.0.2.5"], free);
        Assert.True(state.IsBlocked(Ipv4Address.Parse("192.0.2.6")));
    }

    [Fact]
    public void Reclamation_expires_bound_leases_drops_stale_offers_and_ends_probation()
    {
        var state = new PoolState(Pool4.Parse("192.0.2.10 - 192.0.2.13"));
        var bound = Bound(Ipv4Address.Parse("192.0.2.10"), 1) with { Expires = Now + 100 };
        var offered = Bound(Ipv4Address.Parse("192.0.2.11"), 2) with { State = LeaseState.Offered, Expires = Now + 10 };
        var declined = new Lease(Ipv4Address.Parse("192.0.2.12"), 1, default, null, LeaseState.Declined, Now, Now + 50, 0, null);
        var extended = Bound(Ipv4Address.Parse("192.0.2.13"), 4) with { Expires = Now + 20 };
        state.Put(bound);
        state.Put(offered);
        state.Put(declined);
        state.Put(extended);
        state.Put(extended with { Expires = Now + 1000 });
        Assert.Equal(0, state.AvailableCount);

        var changes = new List<(Lease Lease, bool Removed)>();
        Assert.Equal(1, state.ReclaimExpired(Now + 10, (l, r) => changes.Add((l, r))));
        Assert.Equal((offered, true), changes[^1]);
        Assert.Equal(0, state.ReclaimExpired(Now + 20));
        Assert.Equal(1, state.ReclaimExpired(Now + 50, (l, r) => changes.Add((l, r))));
        Assert.Equal(LeaseState.Declined, changes[^1].Lease.State);
        Assert.Equal(1, state.ReclaimExpired(Now + 100, (l, r) => changes.Add((l, r))));
        Assert.Equal(LeaseState.Expired, changes[^1].Lease.State);
        Assert.False(changes[^1].Removed);
        Assert.True(state.TryGetLease(Ipv4Address.Parse("192.0.2.10"), out var kept));
        Assert.Equal(LeaseState.Expired, kept.State);
        Assert.Equal(3, state.AvailableCount);
        Assert.Equal(1, state.ReclaimExpired(Now + 1000));
        Assert.Equal(4, state.AvailableCount);
    }

    [Fact]
    public void Lease_ownership_follows_Keas_rule()
    {
        var hw = ClientKey.FromHardwareAddress(1, [1, 2, 3, 4, 5, 6]);
        var otherHw = ClientKey.FromHardwareAddress(1, [1, 2, 3, 4, 5, 7]);
        var id = ClientKey.FromClientIdentifier([1, 9]);
        var otherId = ClientKey.FromClientIdentifier([1, 8]);
        var lease = new Lease(Ipv4Address.Parse("192.0.2.10"), 1, hw, id, LeaseState.Bound, Now, Now + 10, 10, null);

        Assert.True(lease.BelongsTo(new ClientIdentity(otherHw, id)));
        Assert.False(lease.BelongsTo(new ClientIdentity(hw, otherId)));
        Assert.True(lease.BelongsTo(new ClientIdentity(hw, null)));
        Assert.False(lease.BelongsTo(new ClientIdentity(otherHw, null)));
        Assert.True((lease with { ClientIdentifier = null }).BelongsTo(new ClientIdentity(hw, otherId)));
        Assert.False((lease with { State = LeaseState.Declined }).BelongsTo(new ClientIdentity(hw, id)));
    }

    private static Lease Bound(Ipv4Address address, int client) => new(
        address, 1, ClientKey.FromHardwareAddress(1, [2, 0, 0, 0, 0, (byte)client]), null, LeaseState.Bound, Now, Now + 3600, 3600, null);
}
