using System.Numerics;

namespace DhcpCluster.Dhcp.Leases;

/// <summary>
/// The lease slots of one pool: slots in pages of <see cref="PageSize"/> (allocated as the pool fills, so a slot never
/// moves and no array grows past a page), freed slots reused last-freed first, and an open-addressing map from an
/// address's offset in the pool to its slot (linear probing, deletion by backward shift). Memory is proportional to
/// the addresses that have a slot, not to the pool's size: about 72 bytes a slot plus 8 to 16 in the map.
/// </summary>
internal sealed class LeaseSlotTable
{
    private const int PageBits = 12;
    private const int PageSize = 1 << PageBits;
    private const int Empty = -1;
    private LeaseSlot[][] pages = [];
    private int highWater;
    private int freeHead = Empty;

    // The map: keys are offsets, values slot indexes; Empty marks a free cell.
    private int[] keys = [];
    private int[] values = [];
    private int mapCount;
    private int shift = 32;

    /// <summary>Number of slots in use (holding a lease record, or only a queued expiry).</summary>
    public int Count => mapCount;

    /// <summary>One past the highest slot index ever used (for enumeration).</summary>
    public int HighWater => highWater;

    /// <summary>The slot at an index (from 0 to <see cref="HighWater"/>; a freed one has no flags).</summary>
    public ref LeaseSlot At(int index) => ref pages[index >> PageBits][index & (PageSize - 1)];

    /// <summary>The slot index of an offset, or -1.</summary>
    public int Find(int offset)
    {
        if (mapCount == 0)
        {
            return Empty;
        }

        var mask = keys.Length - 1;
        for (var cell = Home(offset); ; cell = (cell + 1) & mask)
        {
            var key = keys[cell];
            if (key == offset)
            {
                return values[cell];
            }

            if (key == Empty)
            {
                return Empty;
            }
        }
    }

    /// <summary>The slot index of an offset, taking a fresh slot (no flags) when it has none.</summary>
    public int FindOrAdd(int offset)
    {
        if (mapCount + 1 > (keys.Length >> 2) * 3)
        {
            Grow();
        }

        var mask = keys.Length - 1;
        var cell = Home(offset);
        while (true)
        {
            var key = keys[cell];
            if (key == offset)
            {
                return values[cell];
            }

            if (key == Empty)
            {
                break;
            }

            cell = (cell + 1) & mask;
        }

        var index = TakeSlot();
        keys[cell] = offset;
        values[cell] = index;
        mapCount++;
        return index;
    }

    /// <summary>Frees the slot of an offset (its flags must be clear).</summary>
    public void Free(int offset)
    {
        if (mapCount == 0)
        {
            return;
        }

        var mask = keys.Length - 1;
        var cell = Home(offset);
        while (keys[cell] != offset)
        {
            if (keys[cell] == Empty)
            {
                return;
            }

            cell = (cell + 1) & mask;
        }

        var index = values[cell];
        ref var slot = ref At(index);
        slot = default;
        slot.Offset = freeHead;
        freeHead = index;
        mapCount--;

        // Backward shift: move later cells of the probe run into the hole when their home allows it.
        var hole = cell;
        for (var next = (cell + 1) & mask; keys[next] != Empty; next = (next + 1) & mask)
        {
            var home = Home(keys[next]);
            var fits = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (fits)
            {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }

        keys[hole] = Empty;
    }

    private int TakeSlot()
    {
        if (freeHead != Empty)
        {
            var reused = freeHead;
            ref var slot = ref At(reused);
            freeHead = slot.Offset;
            slot = default;
            return reused;
        }

        if (highWater >> PageBits == pages.Length)
        {
            Array.Resize(ref pages, pages.Length + 1);
            pages[^1] = new LeaseSlot[PageSize];
        }

        return highWater++;
    }

    private int Home(int offset) => (int)(((uint)offset * 0x9E3779B9u) >> shift);

    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        var capacity = Math.Max(16, oldKeys.Length * 2);
        keys = new int[capacity];
        values = new int[capacity];
        Array.Fill(keys, Empty);
        shift = 32 - BitOperations.Log2((uint)capacity);
        var mask = capacity - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != Empty)
            {
                var cell = Home(oldKeys[i]);
                while (keys[cell] != Empty)
                {
                    cell = (cell + 1) & mask;
                }

                keys[cell] = oldKeys[i];
                values[cell] = oldValues[i];
            }
        }
    }
}
