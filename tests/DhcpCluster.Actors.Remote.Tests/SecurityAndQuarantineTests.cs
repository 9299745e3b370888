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

    [Fact]
    public async Task References_of_an_old_incarnation_never_reach_the_new_incarnation_at_the_same_address()
    {
        var a = Nodes.Start("a");
        var b = Nodes.Start("b");
        var port = RemoteActorSystem.Transport(b).Address.Port!.Value;
        try
        {
            var probe = new Probe(a, "probe");
            b.ActorOf(Props.Create(() => new Echo()), "echo");
            var byPath = Assert.IsType<RemoteActorRef>(Nodes.RefOn(a, b, "/user/echo"));
            Assert.Equal(0, byPath.NodeUid);
            byPath.Tell("hello", probe.Ref);
            Assert.Equal("hello", await probe.ExpectAsync<string>());

            // The reply's sender is tied to the incarnation it came from; so is a path-only reference bound to it.
            var oldUid = RemoteActorSystem.Transport(b).Uid;
            var learned = Assert.IsType<RemoteActorRef>(probe.LastSender);
            Assert.Equal(oldUid, learned.NodeUid);
            var pathOnly = Assert.IsType<RemoteActorRef>(((ExtendedActorSystem)a).ResolveActorRef(RemoteActorSystem.Transport(b).Address + "/user/echo"));
            pathOnly.BindIncarnation(oldUid);

            var associations = new Probe(a, "associations");
            a.EventStream.Subscribe(associations.Ref, typeof(RemotingEvents.AssociationEstablished));
            await b.Terminate();
            b = Nodes.Start("b", port: port);
            b.ActorOf(Props.Create(() => new Echo()), "echo");
            var newUid = RemoteActorSystem.Transport(b).Uid;
            Assert.NotEqual(oldUid, newUid);

            // Wait until a's association runs to the new incarnation (a message written into the old, dead connection is lost anyway).
            while ((await associations.ExpectAsync<RemotingEvents.AssociationEstablished>()).RemoteUid != newUid)
            {
            }

            learned.Tell("to the old incarnation (learned)", probe.Ref);
            pathOnly.Tell("to the old incarnation (path)", probe.Ref);
            Nodes.RefOn(a, b, "/user/echo").Tell("to the new incarnation", probe.Ref);

            // Same association, same order: had either old message been delivered, its echo would come first.
            Assert.Equal("to the new incarnation", await probe.ExpectAsync<string>());
            Assert.Equal(RemoteActorSystem.Transport(b).Uid, Assert.IsType<RemoteActorRef>(probe.LastSender).NodeUid);
            await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(500));
        }
        finally
        {
            await a.Terminate();
            await b.Terminate();
        }
    }
}
