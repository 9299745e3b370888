using DhcpCluster.Server.Clients;
using DhcpCluster.Server.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace DhcpCluster.Server.Tests.Clients;

/// <summary>The fingerprint the client actor keeps instead of the last frame.</summary>
public sealed class FrameFingerprintTests
{
    [Fact]
    public void Equal_frames_match_and_a_copy_matches_its_original()
    {
        var frame = Frames.Discover(7);
        Assert.Equal(FrameFingerprint.Of(frame), FrameFingerprint.Of((byte[])frame.Clone()));
        Assert.Equal(FrameFingerprint.IgnoringSecs(frame), FrameFingerprint.IgnoringSecs((byte[])frame.Clone()));
    }

    [Fact]
    public void Secs_changes_the_whole_fingerprint_but_not_the_one_without_secs()
    {
        var frame = Frames.Discover(7);
        var retried = Frames.WithSecs(frame, 4);
        Assert.NotEqual(FrameFingerprint.Of(frame), FrameFingerprint.Of(retried));
        Assert.Equal(FrameFingerprint.IgnoringSecs(frame), FrameFingerprint.IgnoringSecs(retried));
    }

    [Fact]
    public void Any_other_changed_byte_or_length_changes_both_fingerprints() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, 299)),
            Arb.From(Gen.Choose(1, 255)),
            (position, delta) =>
            {
                var frame = Frames.Discover(9);
                var changed = (byte[])frame.Clone();
                var at = position % frame.Length;
                changed[at] = unchecked((byte)(changed[at] + delta));
                var whole = FrameFingerprint.Of(frame) != FrameFingerprint.Of(changed);
                var withoutSecs = at is 8 or 9 || FrameFingerprint.IgnoringSecs(frame) != FrameFingerprint.IgnoringSecs(changed);
                var longer = FrameFingerprint.Of(frame) != FrameFingerprint.Of([.. frame, 0]);
                return whole && withoutSecs && longer;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_frame_too_short_for_secs_has_no_fingerprint_without_secs() =>
        Assert.Equal(0UL, FrameFingerprint.IgnoringSecs(new byte[9]));
}
