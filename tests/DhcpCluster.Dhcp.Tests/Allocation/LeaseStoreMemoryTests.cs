using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using Xunit.Abstractions;

namespace DhcpCluster.Dhcp.Tests.Allocation;

/// <summary>What a lease costs in the store: allocations on this thread while 100,000 bound leases go in (growth included).</summary>
public class LeaseStoreMemoryTests(ITestOutputHelper output)
{
    private const int Leases = 100_000;

    [Fact]
    public void A_hundred_thousand_leases_cost_the_store_under_256_bytes_each_growth_included()
    {
        var subnet = new Subnet4(1, "198.18.0.0/15") { Pools = [Pool4.Parse("198.18.1.0 - 198.19.255.254")] };
        var configuration = new Dhcp4Configuration { Subnets = [subnet] }.Build();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var store = new LeaseStore(configuration);
        var first = Ipv4Address.Parse("198.18.1.0");
        Span<byte> mac = [0x02, 0xbb, 0, 0, 0, 0];
        for (var i = 0; i < Leases; i++)
        {
            mac[3] = (byte)(i >> 16);
            mac[4] = (byte)(i >> 8);
            mac[5] = (byte)i;
            store.Put(new Lease(first + i, 1, ClientKey.FromHardwareAddress(1, mac), null, LeaseState.Bound, 1_800_000_000, 1_800_004_000, 4000, null));
        }

        var perLease = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Leases;
        output.WriteLine($"{perLease:F1} bytes allocated per lease (store, indexes, expiry queue, growth included)");
        Assert.Equal(Leases, store.LeaseCount);
        mac[3] = 0;
        mac[4] = 0x30;
        mac[5] = 0x39;
        Assert.True(store.TryFindClientLease(1, new ClientIdentity(ClientKey.FromHardwareAddress(1, mac), null), out var found));
        Assert.Equal(first + 12345, found.Address);
        Assert.InRange(perLease, 1, 256);
    }
}
