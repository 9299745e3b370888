namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class FailureDetectorTests
{
    private static readonly FailureDetectorSettings Defaults = new(
        TimeSpan.FromSeconds(1), 8.0, 1000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3), 9, TimeSpan.FromSeconds(1));

    [Fact]
    public void A_member_is_available_until_the_first_heartbeat_and_while_heartbeats_keep_coming()
    {
        var detector = new PhiAccrualFailureDetector(Defaults);
        Assert.True(detector.IsAvailable(1_000_000));
        for (var t = 0.0; t <= 20_000; t += 1000)
        {
            detector.Heartbeat(t);
            Assert.True(detector.IsAvailable(t + 500));
        }
    }

    [Fact]
    public void Phi_grows_with_silence_and_crosses_the_threshold_after_interval_plus_acceptable_pause()
    {
        var detector = new PhiAccrualFailureDetector(Defaults);
        for (var t = 0.0; t <= 20_000; t += 1000)
        {
            detector.Heartbeat(t);
        }

        const double last = 20_000;
        var previous = 0.0;
        for (var silence = 500; silence <= 6000; silence += 500)
        {
            var phi = detector.Phi(last + silence);
            Assert.True(phi >= previous, $"phi fell from {previous} to {phi} at {silence} ms");
            previous = phi;
        }

        Assert.True(detector.IsAvailable(last + 3500), "available within interval + pause");
        Assert.False(detector.IsAvailable(last + 5000), "unavailable after interval + pause + 1 s");
    }

    [Fact]
    public void Phi_of_the_mean_is_about_0_3_and_rises_steeply_beyond()
    {
        Assert.InRange(PhiAccrualFailureDetector.Phi(1000, 1000, 100), 0.29, 0.31);
        Assert.True(PhiAccrualFailureDetector.Phi(1600, 1000, 100) > 8);
        Assert.True(PhiAccrualFailureDetector.Phi(500, 1000, 100) < 0.01);
    }

    [Fact]
    public void The_ring_gives_each_node_its_successors()
    {
        var nodes = Enumerable.Range(1, 12).Select(i => new UniqueAddress(new Address("dhcp-cluster.tcp", "t", "h", i), i)).ToList();
        var receivers = HeartbeatNodeRing.Receivers(nodes[10], nodes, 3);
        Assert.Equal([nodes[11], nodes[0], nodes[1]], receivers);
        Assert.Equal(11, HeartbeatNodeRing.Receivers(nodes[0], nodes, 20).Count);
    }
}
