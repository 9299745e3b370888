using DhcpCluster.Actors.Remote.Serialization;

namespace DhcpCluster.Actors.Remote.Tests;

public sealed class RemotingTests : IAsyncLifetime
{
    private ActorSystem _a = null!;
    private ActorSystem _b = null!;

    public Task InitializeAsync()
    {
        _a = Nodes.Start("a");
        _b = Nodes.Start("b");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.Terminate();
        await _b.Terminate();
    }

    [Fact]
    public async Task A_message_reaches_a_remote_actor_with_its_sender_and_the_reply_comes_back()
    {
        var probe = new Probe(_a, "probe");
        _b.ActorOf(Props.Create(() => new Echo()), "echo");
        var echo = Nodes.RefOn(_a, _b, "/user/echo");
        Assert.IsType<RemoteActorRef>(echo);
        echo.Tell("hello", probe.Ref);
        Assert.Equal("hello", await probe.ExpectAsync<string>());
        Assert.Equal(echo.Path, probe.LastSender!.Path);
    }

    [Fact]
    public async Task Ask_across_nodes_completes_with_the_reply()
    {
        _b.ActorOf(Props.Create(() => new Echo()), "echo");
        var echo = Nodes.RefOn(_a, _b, "/user/echo");
        Assert.Equal(42L, await echo.Ask<long>(42L, TimeSpan.FromSeconds(10)));
        Assert.Equal(new byte[] { 1, 2, 3 }, await echo.Ask<byte[]>(new byte[] { 1, 2, 3 }, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Messages_from_one_actor_to_another_keep_their_order()
    {
        var probe = new Probe(_b, "sink");
        var sink = Nodes.RefOn(_a, _b, "/user/sink");
        const int count = 20_000;
        for (var i = 0; i < count; i++)
        {
            sink.Tell(i, null);
        }

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i, await probe.ExpectAsync<int>());
        }
    }

    [Fact]
    public async Task Watching_a_remote_actor_gives_Terminated_when_it_stops()
    {
        var probe = new Probe(_a, "watcher-probe");
        var target = _b.ActorOf(Props.Create(() => new Echo()), "target");
        var remote = Nodes.RefOn(_a, _b, "/user/target");
        _a.ActorOf(Props.Create(() => new WatchingActor(remote, probe.Ref)), "watcher");
        await Task.Delay(300);
        _b.Stop(target);
        var terminated = await probe.ExpectAsync<Terminated>();
        Assert.Equal(remote.Path, terminated.ActorRef.Path);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task Watching_a_missing_remote_actor_gives_Terminated_at_once()
    {
        var probe = new Probe(_a, "missing-probe");
        var remote = Nodes.RefOn(_a, _b, "/user/nobody-here");
        _a.ActorOf(Props.Create(() => new WatchingActor(remote, probe.Ref)), "watcher");
        var terminated = await probe.ExpectAsync<Terminated>();
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task Watchers_get_Terminated_with_AddressTerminated_when_the_node_is_lost()
    {
        var probe = new Probe(_a, "lost-probe");
        _b.ActorOf(Props.Create(() => new Echo()), "target");
        var remote = Nodes.RefOn(_a, _b, "/user/target");
        Assert.Equal("ping", await remote.Ask<string>("ping", TimeSpan.FromSeconds(10)));
        _a.ActorOf(Props.Create(() => new WatchingActor(remote, probe.Ref)), "watcher");
        await Task.Delay(200);

        // The node vanishes without its actors stopping (as with kill -9): only its transport goes away.
        await RemoteActorSystem.Transport(_b).DisposeAsync();
        var terminated = await probe.ExpectAsync<Terminated>(TimeSpan.FromSeconds(15));
        Assert.True(terminated.AddressTerminated);
    }

    [Fact]
    public async Task Remote_failures_arrive_as_Status_Failure_and_fail_the_ask()
    {
        _b.ActorOf(Props.Create(() => new FailingReplier()), "failing");
        var remote = Nodes.RefOn(_a, _b, "/user/failing");
        var error = await Assert.ThrowsAsync<RemoteFailureException>(() => remote.Ask<string>("x", TimeSpan.FromSeconds(10)));
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
    }

    private sealed class WatchingActor : ReceiveActor
    {
        public WatchingActor(IActorRef target, IActorRef report)
        {
            Context.Watch(target);
            Receive<Terminated>(t => report.Tell(t, Self));
        }
    }

    private sealed class FailingReplier : ReceiveActor
    {
        public FailingReplier() => ReceiveAny(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("boom")), Self));
    }
}
