using System.Numerics;

namespace DhcpCluster.Dhcp.Allocation;

/// <summary>
/// One bit per address of a pool (set = not available to a new client): 128 KiB for a million addresses, and a free
/// address is found a 64-bit word at a time.
/// </summary>
public sealed class AddressBitmap
{
    private readonly ulong[] words;

    /// <summary>Creates a bitmap of <paramref name="capacity"/> clear bits.</summary>
    public AddressBitmap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        ClearCount = capacity;
        words = new ulong[(capacity + 63) / 64];
    }

    /// <summary>Number of bits.</summary>
    public int Capacity { get; }

    /// <summary>Number of clear bits (available addresses).</summary>
    public int ClearCount { get; private set; }

    /// <summary>Whether a bit is set.</summary>
    public bool IsSet(int index) => (words[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Sets a bit; returns false if it was already set.</summary>
    public bool Set(int index)
    {
        ref var word = ref words[index >> 6];
        var mask = 1UL << (index & 63);
        if ((word & mask) != 0)
        {
            return false;
        }

        word |= mask;
        ClearCount--;
        return true;
    }

    /// <summary>Clears a bit; returns false if it was already clear.</summary>
    public bool Clear(int index)
    {
        ref var word = ref words[index >> 6];
        var mask = 1UL << (index & 63);
        if ((word & mask) == 0)
        {
            return false;
        }

        word &= ~mask;
        ClearCount++;
        return true;
    }

    /// <summary>The first clear bit at or after <paramref name="start"/>, wrapping around; -1 when all are set.</summary>
    public int FindClear(int start)
    {
        if (ClearCount == 0)
        {
            return -1;
        }

        if ((uint)start >= (uint)Capacity)
        {
            start = 0;
        }

        var wordIndex = start >> 6;
        var candidate = ~words[wordIndex] & (ulong.MaxValue << (start & 63));
        for (var scanned = 0; scanned <= words.Length; scanned++)
        {
            if (candidate != 0)
            {
                var bit = (wordIndex << 6) + BitOperations.TrailingZeroCount(candidate);
                if (bit < Capacity)
                {
                    return bit;
                }

                // Past the last address: wrap to the start.
                wordIndex = 0;
                candidate = ~words[0];
                continue;
            }

            wordIndex++;
            if (wordIndex == words.Length)
            {
                wordIndex = 0;
            }

            candidate = ~words[wordIndex];
        }

        return -1;
    }
}
