namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys the TestKit reads (defaults in DhcpCluster.Actors.TestKit's reference.conf).</summary>
[ConfigKeyCatalog("dhcp-cluster.test (DhcpCluster.Actors.TestKit)")]
public static class TestKitConfigKeys
{
    /// <summary>Factor applied to every TestKit duration.</summary>
    public static readonly ConfigKey TimeFactor = new(
        "dhcp-cluster.test.timefactor",
        ConfigValueType.Double,
        "Factor by which every TestKit timeout is multiplied (raise it on slow CI machines); the environment variable DHCPCLUSTER_TEST_TIMEFACTOR overrides it.",
        "akka.test.timefactor");

    /// <summary>Default timeout of ExpectMsg and friends.</summary>
    public static readonly ConfigKey SingleExpectDefault = new(
        "dhcp-cluster.test.single-expect-default",
        ConfigValueType.Duration,
        "Default timeout of ExpectMsg, ExpectTerminated, FishForMessage and ReceiveN (before the time factor).",
        "akka.test.single-expect-default");

    /// <summary>Default duration of ExpectNoMsg.</summary>
    public static readonly ConfigKey ExpectNoMessageDefault = new(
        "dhcp-cluster.test.expect-no-message-default",
        ConfigValueType.Duration,
        "Default duration of ExpectNoMsg (before the time factor).",
        "akka.test.expect-no-message-default");

    /// <summary>Default timeout of AwaitAssert, AwaitCondition and Within.</summary>
    public static readonly ConfigKey DefaultTimeout = new(
        "dhcp-cluster.test.default-timeout",
        ConfigValueType.Duration,
        "Default timeout of AwaitAssert and AwaitCondition, and of the test system's shutdown (before the time factor).",
        "akka.test.default-timeout");

    /// <summary>How long event filters wait for their events.</summary>
    public static readonly ConfigKey FilterLeeway = new(
        "dhcp-cluster.test.filter-leeway",
        ConfigValueType.Duration,
        "How long an EventFilter waits for the expected log events after its action ran (before the time factor).",
        "akka.test.filter-leeway");
}
