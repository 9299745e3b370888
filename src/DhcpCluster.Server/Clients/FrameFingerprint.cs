using System.Buffers.Binary;
using System.Numerics;

namespace DhcpCluster.Server.Clients;

/// <summary>
/// A 64-bit fingerprint of a received frame, for the client actor's duplicate and retransmission checks: it keeps
/// the fingerprint of the last frame instead of the frame itself (a client actor lives until it is passivated, and
/// the frame was a tenth of what it kept). One pass over the frame, eight bytes at a time (multiply-rotate rounds and a
/// final avalanche, seeded per process); equal frames always match, different frames of one client collide with a
/// probability of about 2^-64. The whole frame's fingerprint is the one without <c>secs</c> mixed with <c>secs</c>,
/// so both cost one pass.
/// </summary>
internal static class FrameFingerprint
{
    private const int SecsOffset = 8;
    private const int SecsLength = 2;

    // The word that holds secs (bytes 8 and 9, the low half of the little-endian word at byte 8) keeps only its other bytes.
    private const ulong SecsWordMask = ~0xFFFFUL;
    private const ulong Prime1 = 0x9E3779B185EBCA87;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4F;
    private const ulong Prime3 = 0x165667B19E3779F9;
    private static readonly ulong Seed = unchecked((ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue));

    /// <summary>The fingerprint of the whole frame.</summary>
    public static ulong Of(ReadOnlySpan<byte> frame) => Of(frame, IgnoringSecs(frame));

    /// <summary>The fingerprint of the whole frame, given its <see cref="IgnoringSecs"/> (no second pass over it).</summary>
    public static ulong Of(ReadOnlySpan<byte> frame, ulong ignoringSecs)
    {
        if (frame.Length < SecsOffset + SecsLength)
        {
            return Hash(frame, Seed ^ Prime3, secsWordIndex: -1);
        }

        var secs = BinaryPrimitives.ReadUInt16LittleEndian(frame[SecsOffset..]);
        return Avalanche(ignoringSecs ^ ((secs + 1UL) * Prime3));
    }

    /// <summary>
    /// The fingerprint of the frame without its <c>secs</c> field (bytes 8 and 9, which a retrying client raises),
    /// or 0 for a frame too short to have one.
    /// </summary>
    public static ulong IgnoringSecs(ReadOnlySpan<byte> frame) =>
        frame.Length < SecsOffset + SecsLength ? 0 : Hash(frame, Seed, secsWordIndex: SecsOffset / sizeof(ulong));

    private static ulong Hash(ReadOnlySpan<byte> frame, ulong seed, int secsWordIndex)
    {
        var hash = seed + Prime2 + ((ulong)frame.Length * Prime1);
        var words = frame.Length / sizeof(ulong);
        for (var i = 0; i < words; i++)
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(frame[(i * sizeof(ulong))..]);
            if (i == secsWordIndex)
            {
                word &= SecsWordMask;
            }

            hash = Mix(hash, word);
        }

        var tail = 0UL;
        for (var i = frame.Length - 1; i >= words * sizeof(ulong); i--)
        {
            tail = (tail << 8) | frame[i];
        }

        return Avalanche(Mix(hash, tail));
    }

    private static ulong Mix(ulong hash, ulong word) =>
        (BitOperations.RotateLeft(hash ^ (BitOperations.RotateLeft(word * Prime2, 31) * Prime1), 27) * Prime1) + Prime3;

    private static ulong Avalanche(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        return hash ^ (hash >> 32);
    }
}
