using System.Numerics;
using DhcpCluster.Dhcp.Identity;

namespace DhcpCluster.Dhcp.Leases;

/// <summary>
/// Which address holds a client's lease in a subnet, by one of the two keys of Kea's ownership rule (client
/// identifier or hardware address), in 8 bytes a lease: an open-addressing table of (hash of subnet and key,
/// address) cells, where the key itself is not stored but read back from the lease at the address. A key maps to
/// at most one address (the last indexed), as a dictionary would. Linear probing, deletion by backward shift.
/// </summary>
internal sealed class ClientLeaseIndex(LeaseStore store, bool byClientIdentifier)
{
    private const uint Vacant = uint.MaxValue;
    private int[] hashes = [];
    private uint[] addresses = [];
    private int count;
    private int shift = 32;

    /// <summary>Maps the key to <paramref name="address"/> (replacing the address it mapped to).</summary>
    public void Set(uint subnetId, in ClientKey key, Ipv4Address address)
    {
        if (count + 1 > (hashes.Length >> 2) * 3)
        {
            Grow();
        }

        var hash = Hash(subnetId, key);
        var mask = hashes.Length - 1;
        var cell = Home(hash);
        for (; addresses[cell] != Vacant; cell = (cell + 1) & mask)
        {
            if (hashes[cell] == hash && Holds(addresses[cell], subnetId, key))
            {
                addresses[cell] = address.Value;
                return;
            }
        }

        hashes[cell] = hash;
        addresses[cell] = address.Value;
        count++;
    }

    /// <summary>The address the key maps to.</summary>
    public bool TryGet(uint subnetId, in ClientKey key, out Ipv4Address address)
    {
        if (count > 0)
        {
            var hash = Hash(subnetId, key);
            var mask = hashes.Length - 1;
            for (var cell = Home(hash); addresses[cell] != Vacant; cell = (cell + 1) & mask)
            {
                if (hashes[cell] == hash && Holds(addresses[cell], subnetId, key))
                {
                    address = new Ipv4Address(addresses[cell]);
                    return true;
                }
            }
        }

        address = default;
        return false;
    }

    /// <summary>Removes the key's mapping if it maps to <paramref name="address"/>.</summary>
    public void Remove(uint subnetId, in ClientKey key, Ipv4Address address)
    {
        if (count == 0)
        {
            return;
        }

        var hash = Hash(subnetId, key);
        var mask = hashes.Length - 1;
        var cell = Home(hash);
        while (!(hashes[cell] == hash && addresses[cell] == address.Value))
        {
            if (addresses[cell] == Vacant)
            {
                return;
            }

            cell = (cell + 1) & mask;
        }

        count--;
        var hole = cell;
        for (var next = (cell + 1) & mask; addresses[next] != Vacant; next = (next + 1) & mask)
        {
            var home = Home(hashes[next]);
            if (hole <= next ? home <= hole || home > next : home <= hole && home > next)
            {
                hashes[hole] = hashes[next];
                addresses[hole] = addresses[next];
                hole = next;
            }
        }

        addresses[hole] = Vacant;
    }

    private static int Hash(uint subnetId, in ClientKey key) => HashCode.Combine(subnetId, key.GetHashCode());

    private bool Holds(uint address, uint subnetId, in ClientKey key) =>
        store.TryGetLease(new Ipv4Address(address), out var lease) && lease.SubnetId == subnetId
        && (byClientIdentifier ? lease.ClientIdentifier is { } id && id == key : lease.HardwareAddress == key);

    private int Home(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> shift);

    private void Grow()
    {
        var oldHashes = hashes;
        var oldAddresses = addresses;
        var capacity = Math.Max(16, oldHashes.Length * 2);
        hashes = new int[capacity];
        addresses = new uint[capacity];
        Array.Fill(addresses, Vacant);
        shift = 32 - BitOperations.Log2((uint)capacity);
        var mask = capacity - 1;
        for (var i = 0; i < oldHashes.Length; i++)
        {
            if (oldAddresses[i] != Vacant)
            {
                var cell = Home(oldHashes[i]);
                while (addresses[cell] != Vacant)
                {
                    cell = (cell + 1) & mask;
                }

                hashes[cell] = oldHashes[i];
                addresses[cell] = oldAddresses[i];
            }
        }
    }
}
