using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Dhcp.Tests.Allocation;

/// <summary>
/// FsCheck: the lease store with compact client indexes (addresses only, keys read back from the leases) finds the
/// same lease for every client as the dictionary-indexed store it replaced, under random puts, removes and
/// reclamations over two subnets (one address of each outside its pool), with and without client identifiers.
/// </summary>
public class LeaseStoreProperties
{
    private const long Now = 1_800_000_000;

    private enum Op
    {
        Put,
        Remove,
        Reclaim,
    }

    [Fact]
    public void Client_lookups_match_the_dictionary_indexed_model()
    {
        var op = from kind in Gen.Frequency((6, Gen.Constant(Op.Put)), (2, Gen.Constant(Op.Remove)), (1, Gen.Constant(Op.Reclaim)))
                 from address in Gen.Choose(0, 31)
                 from subnet in Gen.Choose(0, 1)
                 from client in Gen.Choose(0, 5)
                 from withId in Gen.Choose(0, 2)
                 from state in Gen.Elements(Enum.GetValues<LeaseState>())
                 from time in Gen.Choose(0, 600)
                 select (kind, address, subnet, client, withId, state, time);
        PropertyCheck.ForAll(Gen.Choose(1, 150).SelectMany(n => op.ArrayOf(n)), Agrees, maxTest: 300);
    }

    private static Dhcp4Configuration Configuration() => new Dhcp4Configuration
    {
        Subnets =
        [
            new Subnet4(1, "192.0.2.0/27") { Pools = [Pool4.Parse("192.0.2.1 - 192.0.2.29")] },
            new Subnet4(2, "198.51.100.0/27") { Pools = [Pool4.Parse("198.51.100.1 - 198.51.100.29")] },
        ],
    }.Build();

    private static bool Agrees((Op Kind, int Address, int Subnet, int Client, int WithId, LeaseState State, int Time)[] script)
    {
        var compact = new LeaseStore(Configuration());
        var model = new ReferenceLeaseStore(Configuration());
        var now = Now;
        foreach (var (kind, offset, subnet, client, withId, state, time) in script)
        {
            var address = Ipv4Address.Parse(subnet == 0 ? "192.0.2.0" : "198.51.100.0") + offset;
            switch (kind)
            {
                case Op.Put:
                    var lease = new Lease(address, (uint)subnet + 1, Identity(client, withId).HardwareAddress, Identity(client, withId).ClientIdentifier, state, now - 10, now + time - 100, 600, null);
                    compact.Put(lease);
                    model.Put(lease);
                    break;
                case Op.Remove:
                    compact.Remove(address);
                    model.Remove(address);
                    break;
                default:
                    now += time;
                    if (compact.Reclaim(now) != model.Reclaim(now))
                    {
                        return false;
                    }

                    break;
            }

            for (var c = 0; c < 6; c++)
            {
                for (var w = 0; w < 3; w++)
                {
                    for (uint s = 1; s <= 2; s++)
                    {
                        var found = compact.TryFindClientLease(s, Identity(c, w), out var a);
                        if (found != model.TryFindClientLease(s, Identity(c, w), out var b) || a != b)
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return compact.AllLeases.OrderBy(l => l.Address.Value).SequenceEqual(model.AllLeases.OrderBy(l => l.Address.Value));
    }

    /// <summary>Client <paramref name="client"/> by MAC only, with its client id, or (clients 0 to 2 sharing one MAC) with another client id.</summary>
    private static ClientIdentity Identity(int client, int withId)
    {
        byte[] mac = [0x02, 0, 0, 0, 0, (byte)(withId == 2 ? client % 3 : client)];
        ClientKey? id = withId switch
        {
            1 => ClientKey.FromClientIdentifier([1, .. mac]),
            2 => ClientKey.FromClientIdentifier([0, (byte)client, 7]),
            _ => null,
        };
        return new ClientIdentity(ClientKey.FromHardwareAddress(1, mac), id);
    }
}
