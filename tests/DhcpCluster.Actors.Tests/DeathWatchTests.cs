namespace DhcpCluster.Actors.Tests;

public sealed class DeathWatchTests : TestKit
{
    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<(string Command, IActorRef Target)>(c => c.Command is "watch", c => { Context.Watch(c.Target); Sender.Tell("ok"); });
            Receive<(string Command, IActorRef Target)>(c => c.Command is "watch-with", c => { Context.WatchWith(c.Target, "custom:" + c.Target.Path.Name); Sender.Tell("ok"); });
            Receive<(string Command, IActorRef Target)>(c => c.Command is "unwatch", c => { Context.Unwatch(c.Target); Sender.Tell("ok"); });
            Receive<(string Command, IActorRef Target)>(c => c.Command is "watch-twice", c => { Context.Watch(c.Target); Context.Watch(c.Target); Sender.Tell("ok"); });
            Receive<Terminated>(t => probe.Tell("terminated:" + t.ActorRef.Path.Name));
            Receive<string>(s => probe.Tell(s));
        }
    }

    [Fact]
    public void A_throwing_dead_letter_redirect_costs_no_watcher_its_Terminated()
    {
        // Messages left in a stopping actor's mailbox go to dead letters, through any redirect of an ancestor; a
        // redirect that throws must not stop the termination half-way (watchers and parent would wait for ever).
        using var gate = new ManualResetEventSlim();
        var extended = (ExtendedActorSystem)Sys;
        using var redirect = extended.RedirectUndelivered(extended.Guardian, _ => throw new InvalidOperationException("redirect failed"));
        var target = ActorOf(Props.Create(() => new Gated(gate)), "gated");
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target), TestActor);
        ExpectMsg("ok");
        target.Tell("block", ActorRefs.NoSender);
        target.Tell("left behind", ActorRefs.NoSender);
        Sys.Stop(target);
        gate.Set();
        ExpectMsg("terminated:gated");
    }

    private sealed class Gated : ReceiveActor
    {
        public Gated(ManualResetEventSlim gate) => ReceiveAny(_ => gate.Wait(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Terminated_is_delivered_exactly_once_even_when_watched_twice()
    {
        var target = ActorOf<Idle>("t1");
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch-twice", target), TestActor);
        ExpectMsg("ok");
        Sys.Stop(target);
        ExpectMsg("terminated:t1");
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Watching_an_already_dead_actor_delivers_Terminated_at_once()
    {
        var target = ActorOf<Idle>("dead");
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target), TestActor);
        ExpectMsg("ok");
        ExpectMsg("terminated:dead");
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message()
    {
        var target = ActorOf<Idle>("custom");
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch-with", target), TestActor);
        ExpectMsg("ok");
        Sys.Stop(target);
        ExpectMsg("custom:custom");
    }

    [Fact]
    public void Unwatch_prevents_the_notification()
    {
        var target = ActorOf<Idle>();
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", target), TestActor);
        ExpectMsg("ok");
        watcher.Tell(("unwatch", target), TestActor);
        ExpectMsg("ok");
        Sys.Stop(target);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Every_watcher_gets_its_own_Terminated()
    {
        var target = ActorOf<Idle>("shared");
        var probes = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        foreach (var probe in probes)
        {
            probe.Watch(target);
        }

        Sys.Stop(target);
        foreach (var probe in probes)
        {
            probe.ExpectTerminated(target);
            probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        }
    }

    [Fact]
    public void The_first_watcher_unwatching_leaves_the_others_notified_and_a_new_first_watcher_too()
    {
        var target = ActorOf<Idle>("watched-by-several");
        var first = ActorOf(Props.Create(() => new Watcher(TestActor)));
        var second = CreateTestProbe();
        var third = CreateTestProbe();
        first.Tell(("watch", target), TestActor);
        ExpectMsg("ok");
        second.Watch(target);
        first.Tell(("unwatch", target), TestActor);
        ExpectMsg("ok");
        third.Watch(target);
        second.Watch(target); // again: still one Terminated

        Sys.Stop(target);
        second.ExpectTerminated(target);
        third.ExpectTerminated(target);
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        third.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed class Pact : ReceiveActor
    {
        public Pact(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => { });
        }
    }

    [Fact]
    public void Unhandled_Terminated_is_a_death_pact()
    {
        var target = ActorOf<Idle>();
        var pact = ActorOf(Props.Create(() => new Pact(target)));
        Watch(pact);
        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(target));
        ExpectTerminated(pact);
    }

    [Fact]
    public void Watching_nobody_or_a_missing_path_terminates_at_once()
    {
        var watcher = ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(("watch", ActorRefs.Nobody), TestActor);
        ExpectMsg("ok");
        ExpectMsg("terminated:Nobody");
        var missing = ((ExtendedActorSystem)Sys).ResolveActorRef($"dhcp-cluster://{Sys.Name}/user/not-there");
        watcher.Tell(("watch", missing), TestActor);
        ExpectMsg("ok");
        ExpectMsg("terminated:not-there");
    }
}
