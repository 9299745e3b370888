using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Defaults_mirror_Akka()
    {
        var settings = ActorSystemSettingsReader.Read(ConfigFactory.Empty);
        Assert.Equal(30, settings.Throughput);
        Assert.Null(settings.AskTimeout);
        Assert.Equal(1000, settings.BoundedMailboxCapacity);
        Assert.Equal(10, settings.LogDeadLetters);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.CoordinatedShutdown.DefaultPhaseTimeout);
        Assert.True(settings.CoordinatedShutdown.RunByClrShutdownHook);
    }

    [Fact]
    public void Settings_are_read_from_hocon()
    {
        var settings = ActorSystemSettingsReader.Read(ConfigFactory.ParseString("""
            dhcp-cluster.actor.ask-timeout = 2s
            dhcp-cluster.actor.default-dispatcher.throughput = 7
            dhcp-cluster.log-dead-letters = 0
            dhcp-cluster.coordinated-shutdown.phases.service-unbind { timeout = 1s, recover = off }
            """));
        Assert.Equal(TimeSpan.FromSeconds(2), settings.AskTimeout);
        Assert.Equal(7, settings.Throughput);
        Assert.Equal(0, settings.LogDeadLetters);
        Assert.Equal(new PhaseSettings(TimeSpan.FromSeconds(1), Recover: false, Enabled: true, DependsOn: null), settings.CoordinatedShutdown.Phases["service-unbind"]);
    }

    [Fact]
    public void Invalid_values_are_clear_errors()
    {
        var e = Assert.Throws<ConfigException>(() => ActorSystemSettingsReader.Read(ConfigFactory.ParseString("dhcp-cluster.actor.default-dispatcher.throughput = 0")));
        Assert.Contains("dhcp-cluster.actor.default-dispatcher.throughput", e.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigException>(() => ActorSystemSettingsReader.Read(ConfigFactory.ParseString("dhcp-cluster.actor.ask-timeout = soon")));
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name!"));
    }

    [Fact]
    public async Task Ask_timeout_default_applies_when_none_is_given()
    {
        using var system = ActorSystem.Create("ask-default", ConfigFactory.ParseString("dhcp-cluster.actor.ask-timeout = 100ms\ndhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off"));
        var silent = system.ActorOf(Props.Create(() => new Silent()));
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("hello"));
        Assert.Contains("100 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TestKit_time_factor_comes_from_config_and_environment()
    {
        var settings = TestKitSettings.Read(ConfigFactory.ParseString("dhcp-cluster.test.timefactor = 2.5"));
        var expected = Environment.GetEnvironmentVariable(TestKitSettings.TimeFactorEnvironmentVariable) is { Length: > 0 } env
            ? double.Parse(env, System.Globalization.CultureInfo.InvariantCulture)
            : 2.5;
        Assert.Equal(expected, settings.TimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromTicks((long)(TimeSpan.FromSeconds(2).Ticks * expected)), settings.Dilated(TimeSpan.FromSeconds(2)));
        if (Environment.GetEnvironmentVariable(TestKitSettings.TimeFactorEnvironmentVariable) is not { Length: > 0 })
        {
            // (The environment variable, when CI sets it, overrides the configured value, bad or not.)
            Assert.Throws<ConfigException>(() => TestKitSettings.Read(ConfigFactory.ParseString("dhcp-cluster.test.timefactor = -1")));
        }
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }
}
