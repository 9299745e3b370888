using DhcpCluster.Dhcp.Codec;
using FsCheck.Fluent;
using Xunit;

namespace DhcpCluster.Dhcp.Tests.Codec;

public sealed class CompactFrameProperties
{
    /// <summary>Frames as the server sends them: a header, zero sname and file, options, then zero padding.</summary>
    private static readonly FsCheck.Gen<byte[]> ReplyLike =
        from header in PropertyCheck.Bytes(DhcpConstants.ServerNameOffset, DhcpConstants.ServerNameOffset)
        from options in PropertyCheck.Bytes(0, 120)
        from padding in Gen.Choose(0, 80)
        select header
            .Concat(new byte[DhcpConstants.ServerNameSize + DhcpConstants.BootFileNameSize])
            .Concat(options)
            .Concat(new byte[padding])
            .ToArray();

    /// <summary>Anything, some with zero runs where sname and file are (and some too short to have them).</summary>
    private static readonly FsCheck.Gen<byte[]> AnyFrame = Gen.OneOf(
        PropertyCheck.Bytes(0, 400),
        ReplyLike,
        ReplyLike.SelectMany(frame => Gen.Choose(0, frame.Length - 1).Select(i =>
        {
            var changed = (byte[])frame.Clone();
            changed[i] ^= 0x5a; // one byte anywhere, sname and file included
            return changed;
        })));

    [Fact]
    public void Unpacking_gives_back_every_frame_byte_for_byte() =>
        PropertyCheck.ForAll(AnyFrame, frame => CompactFrame.Unpack(CompactFrame.Pack(frame)).AsSpan().SequenceEqual(frame), maxTest: 1000);

    [Fact]
    public void A_reply_keeps_neither_its_zero_sname_and_file_nor_its_padding() =>
        PropertyCheck.ForAll(ReplyLike, frame =>
            CompactFrame.Pack(frame).Length <= 3 + frame.Length - (DhcpConstants.ServerNameSize + DhcpConstants.BootFileNameSize) - TrailingZeros(frame));

    [Fact]
    public void A_300_byte_offer_is_kept_in_about_a_third_of_its_size()
    {
        var frame = new byte[DhcpConstants.MinimumMessageSize];
        new Random(7).NextBytes(frame.AsSpan(0, DhcpConstants.ServerNameOffset));
        new Random(8).NextBytes(frame.AsSpan(DhcpConstants.MagicCookieOffset, 50));
        Assert.Equal(3 + DhcpConstants.ServerNameOffset + 50, CompactFrame.Pack(frame).Length);
    }

    [Fact]
    public void A_packed_frame_that_does_not_fit_its_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CompactFrame.Unpack([1, 0]));
        Assert.Throws<ArgumentException>(() => CompactFrame.Unpack([0, 0, 2, 1, 2, 3]));
        Assert.Throws<ArgumentException>(() => CompactFrame.Unpack([1, 1, 0, 1, 2, 3]));
    }

    private static int TrailingZeros(byte[] frame)
    {
        var used = Array.FindLastIndex(frame, b => b != 0) + 1;
        return frame.Length - Math.Max(used, DhcpConstants.ServerNameOffset + DhcpConstants.ServerNameSize + DhcpConstants.BootFileNameSize);
    }
}
