namespace DhcpCluster.Actors.Remote.Tests;

public sealed class SecurityAndQuarantineTests
{
    [Fact]
    public async Task A_node_with_the_wrong_secret_is_dropped_and_nothing_it_sent_is_delivered()
    {
        var a = Nodes.Start("a", cookie: "right");
        var intruder = Nodes.Start("x", cookie: "wrong");
        try
        {
            var failures = new Probe(a, "failures");
            a.EventStream.Subscribe(failures.Ref, typeof(RemotingEvents.HandshakeFailed));
            var sink = new Probe(a, "sink");
            var target = Nodes.RefOn(intruder, a, "/user/sink");
            for (var i = 0; i < 10; i++)
            {
                target.Tell("intrusion", null);
            }

            var failed = await failures.ExpectAsync<RemotingEvents.HandshakeFailed>();
            Assert.True(failed.Inbound || failed.Reason.Contains("secret", StringComparison.Ordinal));
            await sink.ExpectNoMessageAsync(TimeSpan.FromSeconds(1));
        }
        finally
        {
            await a.Terminate();
            await intruder.Terminate();
        }
    }

    [Fact]
    public async Task A_quarantined_incarnation_is_refused_and_told_so_but_a_new_incarnation_is_accepted()
    {
        var a = Nodes.Start("a");
        var b = Nodes.Start("b");
        var port = RemoteActorSystem.Transport(b).Address.Port!.Value;
        try
        {
            var sink = new Probe(a, "sink");
            var toSink = Nodes.RefOn(b, a, "/user/sink");
            toSink.Tell("before", null);
            Assert.Equal("before", await sink.ExpectAsync<string>());

            var quarantinedEvents = new Probe(b, "q");
            b.EventStream.Subscribe(quarantinedEvents.Ref, typeof(RemotingEvents.ThisNodeQuarantined));
            var transportB = RemoteActorSystem.Transport(b);
            RemoteActorSystem.Transport(a).Quarantine(transportB.Address, transportB.Uid, "test");
            toSink.Tell("after", null);
            await quarantinedEvents.ExpectAsync<RemotingEvents.ThisNodeQuarantined>();
            await sink.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(500));

            await b.Terminate();
            b = Nodes.Start("b", port: port);
            Assert.NotEqual(transportB.Uid, RemoteActorSystem.Transport(b).Uid);
            Nodes.RefOn(b, a, "/user/sink").Tell("new incarnation", null);
            Assert.Equal("new incarnation", await sink.ExpectAsync<string>());
        }
        finally
        {
            await a.Terminate();
            await b.Terminate();
        }
    }
}
