using DhcpCluster.Actors.Remote;
using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Cluster.Tests;

/// <summary>dhcp-cluster.actor.provider decides what kind of system a host (dhcp-node) creates.</summary>
public sealed class ProviderTests
{
    [Fact]
    public async Task The_provider_key_makes_a_local_a_remote_or_a_cluster_system_and_a_PostgreSQL_journal_makes_lease_majority_the_default()
    {
        var local = ClusterSystem.CreateForProvider("local", ConfigFactory.Empty);
        var remote = ClusterSystem.CreateForProvider("remote", Config("remote"));
        var member = ClusterSystem.CreateForProvider("member", Config("cluster"), journalConnectionString: "Host=db.invalid;Database=journal");
        var memberOnSqlite = ClusterSystem.CreateForProvider("sqlite", Config("cluster"));
        try
        {
            Assert.False(Cluster.TryGet(local, out _));
            Assert.Throws<InvalidOperationException>(() => RemoteActorSystem.Transport(local));
            Assert.False(Cluster.TryGet(remote, out _));
            Assert.NotNull(RemoteActorSystem.Transport(remote));
            Assert.True(Cluster.TryGet(member, out var cluster));
            Assert.Equal("lease-majority", cluster.Settings.SplitBrainResolver.ActiveStrategy);
            Assert.Equal("Host=db.invalid;Database=journal", cluster.Settings.SplitBrainResolver.LeaseConnectionString);
            Assert.Equal("keep-majority", Cluster.Get(memberOnSqlite).Settings.SplitBrainResolver.ActiveStrategy);
        }
        finally
        {
            await TestNodes.TerminateAllAsync([local, remote, member, memberOnSqlite]);
        }

        var wrong = Assert.Throws<ConfigException>(() => ClusterSystem.ProviderOf(ConfigFactory.ParseString("dhcp-cluster.actor.provider = clustered")));
        Assert.Contains("dhcp-cluster.actor.provider", wrong.Message, StringComparison.Ordinal);
    }

    private static Config Config(string provider) => ConfigFactory.ParseString($$"""
        dhcp-cluster.actor.provider = {{provider}}
        {{TestNodes.Tight}}
        dhcp-cluster.remote.dot-netty.tcp.port = 0
        """);
}
