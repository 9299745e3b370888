namespace DhcpCluster.Dhcp.Benchmarks;

/// <summary>
/// A plain timed loop over <see cref="DecisionScenario"/> on one thread that prints packets per second, packets per
/// CPU-second of this process (meaningful when the machine's cores are shared) and allocated bytes per packet.
/// </summary>
public static class DecisionHarness
{
    public static int Run(double seconds)
    {
        var scenario = new DecisionScenario();
        Harness.RunPair(scenario.DiscoverToOffer, scenario.RequestToAck, seconds);
        return 0;
    }
}
