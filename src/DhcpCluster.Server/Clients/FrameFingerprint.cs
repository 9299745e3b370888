namespace DhcpCluster.Server.Clients;

/// <summary>
/// A 64-bit fingerprint of a received frame, for the client actor's duplicate and retransmission checks: it keeps
/// the fingerprint of the last frame instead of the frame itself (a client actor lives until it is passivated, and
/// the frame was a tenth of what it kept). Two independent 32-bit hashes, seeded per process; equal frames always
/// match, different frames of one client collide with a probability of about 2^-64.
/// </summary>
internal static class FrameFingerprint
{
    private const int SecsOffset = 8;
    private const int SecsLength = 2;

    /// <summary>The fingerprint of the whole frame.</summary>
    public static ulong Of(ReadOnlySpan<byte> frame)
    {
        var low = new HashCode();
        var high = new HashCode();
        low.Add(0x2545F491);
        high.Add(unchecked((int)0x9E3779B9));
        low.AddBytes(frame);
        high.AddBytes(frame);
        return Combine(low, high);
    }

    /// <summary>
    /// The fingerprint of the frame without its <c>secs</c> field (bytes 8 and 9, which a retrying client raises),
    /// or 0 for a frame too short to have one.
    /// </summary>
    public static ulong IgnoringSecs(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < SecsOffset + SecsLength)
        {
            return 0;
        }

        var low = new HashCode();
        var high = new HashCode();
        low.Add(0x68E31DA4);
        high.Add(unchecked((int)0xB5297A4D));
        low.AddBytes(frame[..SecsOffset]);
        high.AddBytes(frame[..SecsOffset]);
        low.AddBytes(frame[(SecsOffset + SecsLength)..]);
        high.AddBytes(frame[(SecsOffset + SecsLength)..]);
        return Combine(low, high);
    }

    private static ulong Combine(HashCode low, HashCode high) =>
        ((ulong)(uint)high.ToHashCode() << 32) | (uint)low.ToHashCode();
}
