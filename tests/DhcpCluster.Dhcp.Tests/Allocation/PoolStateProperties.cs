using DhcpCluster.Dhcp.Allocation;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Dhcp.Tests.Allocation;

/// <summary>
/// FsCheck: the compact pool state (reference-free slots, offset map, hostnames and irregular leases beside) behaves
/// exactly like the dictionary-of-leases pool state it replaced, kept here as the model: same records, same counts,
/// same availability, same reclamations in the same order.
/// </summary>
public class PoolStateProperties
{
    private const long Now = 1_800_000_000;
    private static readonly Pool4 Pool = Pool4.Parse("192.0.2.0 - 192.0.2.63");

    private enum Op
    {
        Put,
        Remove,
        Reclaim,
    }

    [Fact]
    public void Compact_pool_state_matches_the_dictionary_model_under_random_puts_removes_and_reclaims()
    {
        var op = from kind in Gen.Frequency((6, Gen.Constant(Op.Put)), (2, Gen.Constant(Op.Remove)), (1, Gen.Constant(Op.Reclaim)))
                 from offset in Gen.Choose(0, 63)
                 from client in Gen.Choose(0, 7)
                 from keyShape in Gen.Choose(0, 5)
                 from state in Gen.Elements(Enum.GetValues<LeaseState>())
                 from time in Gen.Choose(0, 600)
                 select (kind, offset, client, keyShape, state, time);
        PropertyCheck.ForAll(Gen.Choose(1, 120).SelectMany(n => op.ArrayOf(n)), Agrees, maxTest: 300);
    }

    [Fact]
    public void Slots_are_reused_after_removal_and_the_map_survives_growth()
    {
        var state = new PoolState(Pool4.Parse("10.0.0.0/16"));
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 5000; i++)
            {
                state.Put(Lease(state.AddressAt(i * 7), i % 5, 0, LeaseState.Released, 100));
            }

            Assert.Equal(5000, state.LeaseCount);
            for (var i = 0; i < 5000; i += 2)
            {
                state.Remove(state.AddressAt(i * 7));
            }

            Assert.Equal(2500, state.LeaseCount);
            for (var i = 0; i < 5000; i++)
            {
                Assert.Equal(i % 2 == 1, state.TryGetLease(state.AddressAt(i * 7), out var lease));
                Assert.True(i % 2 == 0 || lease.Address == state.AddressAt(i * 7));
            }

            for (var i = 1; i < 5000; i += 2)
            {
                state.Remove(state.AddressAt(i * 7));
            }

            Assert.Equal(0, state.LeaseCount);
            Assert.Empty(state.Leases);
        }
    }

    private static bool Agrees((Op Kind, int Offset, int Client, int KeyShape, LeaseState State, int Time)[] script)
    {
        var compact = new PoolState(Pool);
        var model = new ReferencePoolState(Pool);
        compact.Block(Pool.First + 60);
        model.Block(Pool.First + 60);
        var now = Now;
        foreach (var (kind, offset, client, keyShape, state, time) in script)
        {
            var address = Pool.First + offset;
            switch (kind)
            {
                case Op.Put:
                    var lease = Lease(address, client, keyShape, state, now + time - 100);
                    var replaced = compact.Replace(lease, out var before);
                    var modelReplaced = model.Replace(lease, out var modelBefore);
                    if (replaced != modelReplaced || (replaced && before != modelBefore))
                    {
                        return false;
                    }

                    break;
                case Op.Remove:
                    compact.Remove(address);
                    model.Remove(address);
                    break;
                default:
                    now += time;
                    var changes = new List<(Lease, bool)>();
                    var modelChanges = new List<(Lease, bool)>();
                    if (compact.ReclaimExpired(now, (l, r) => changes.Add((l, r))) != model.ReclaimExpired(now, (l, r) => modelChanges.Add((l, r)))
                        || !changes.SequenceEqual(modelChanges))
                    {
                        return false;
                    }

                    break;
            }

            if (compact.LeaseCount != model.LeaseCount || compact.AvailableCount != model.AvailableCount
                || !compact.Leases.OrderBy(l => l.Address.Value).SequenceEqual(model.Leases.OrderBy(l => l.Address.Value)))
            {
                return false;
            }
        }

        for (var i = 0; i < 64; i++)
        {
            var address = Pool.First + i;
            if (compact.TryGetLease(address, out var a) != model.TryGetLease(address, out var b) || a != b
                || compact.IsAvailable(address) != model.IsAvailable(address))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Key shapes: plain MAC, MAC with a short client id, a long client id (kept whole), a hostname, a declined lease without keys, a 16-byte chaddr.</summary>
    private static Lease Lease(Ipv4Address address, int client, int keyShape, LeaseState state, long expires)
    {
        byte[] mac = [0x02, 0, 0, 0, 0, (byte)client];
        var hardware = keyShape switch
        {
            4 => default,
            5 => ClientKey.FromHardwareAddress(32, [.. mac, .. mac, 1, 2, 3, 4]),
            _ => ClientKey.FromHardwareAddress(1, mac),
        };
        ClientKey? clientId = keyShape switch
        {
            1 => ClientKey.FromClientIdentifier([1, .. mac]),
            2 => ClientKey.FromClientIdentifier([255, .. mac, .. mac, .. mac, .. mac]),
            _ => null,
        };
        return new Lease(address, 1, hardware, clientId, state, expires - 600, expires, 600, keyShape == 3 ? "host-" + client : null);
    }
}
