namespace DhcpCluster.Actors.Tests;

public sealed class LifecycleTests : TestKit
{
    private sealed class Recorder : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Recorder(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => string.Equals(s, "who", StringComparison.Ordinal), _ => Sender.Tell(Self.Path.Name));
            Receive<string>(s => Sender.Tell("echo:" + s));
            Receive<int>(i => i > 100, i => Sender.Tell("big " + i));
            ReceiveAny(o => Sender.Tell("any:" + o));
        }

        protected override void PreStart() => _probe.Tell("prestart");

        protected override void PostStop() => _probe.Tell("poststop");
    }

    [Fact]
    public void Receive_matches_by_type_and_predicate_in_order()
    {
        var actor = ActorOf(Props.Create(() => new Recorder(TestActor)), "rec");
        ExpectMsg("prestart");
        actor.Tell("who", TestActor);
        ExpectMsg("rec");
        actor.Tell("hello", TestActor);
        ExpectMsg("echo:hello");
        actor.Tell(500, TestActor);
        ExpectMsg("big 500");
        actor.Tell(5, TestActor);
        ExpectMsg("any:5");
    }

    [Fact]
    public void Stop_runs_PostStop_once()
    {
        var actor = ActorOf(Props.Create(() => new Recorder(TestActor)));
        ExpectMsg("prestart");
        Sys.Stop(actor);
        ExpectMsg("poststop");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher()
        {
            Receive<string>(s => s is "swap", _ => Become(Swapped));
            Receive<string>(s => s is "push", _ => BecomeStacked(Pushed));
            Receive<string>(s => Sender.Tell("initial:" + s));
        }

        private void Swapped()
        {
            Receive<string>(s => s is "back", _ => Become(() => Receive<string>(s2 => Sender.Tell("again:" + s2))));
            Receive<string>(s => Sender.Tell("swapped:" + s));
        }

        private void Pushed()
        {
            Receive<string>(s => s is "pop", _ => UnbecomeStacked());
            Receive<string>(s => Sender.Tell("pushed:" + s));
        }
    }

    [Fact]
    public void Become_and_stacked_behaviours()
    {
        var actor = ActorOf<Switcher>();
        actor.Tell("a", TestActor);
        ExpectMsg("initial:a");
        actor.Tell("push", TestActor);
        actor.Tell("b", TestActor);
        ExpectMsg("pushed:b");
        actor.Tell("pop", TestActor);
        actor.Tell("c", TestActor);
        ExpectMsg("initial:c");
        actor.Tell("swap", TestActor);
        actor.Tell("d", TestActor);
        ExpectMsg("swapped:d");
        actor.Tell("back", TestActor);
        actor.Tell("e", TestActor);
        ExpectMsg("again:e");
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Receive<string>(s => s.StartsWith("make:", StringComparison.Ordinal), s => Sender.Tell(Context.ActorOf(Props.Create(() => new Child()), s[5..])));
            Receive<string>(s => s is "children", _ => Sender.Tell(Context.Children.Select(c => c.Path.Name).Order(StringComparer.Ordinal).ToArray()));
            Receive<string>(s => s.StartsWith("child:", StringComparison.Ordinal), s => Sender.Tell(Context.Child(s[6..])));
        }
    }

    private sealed class Child : ReceiveActor
    {
        public Child() => Receive<string>(_ => Sender.Tell(Context.Parent));
    }

    [Fact]
    public void Children_parent_and_lookup()
    {
        var parent = ActorOf<Parent>("parent");
        parent.Tell("make:a", TestActor);
        var a = ExpectMsg<IActorRef>();
        parent.Tell("make:b", TestActor);
        ExpectMsg<IActorRef>();
        Assert.Equal("dhcp-cluster://LifecycleTests/user/parent/a", a.Path.ToString());
        parent.Tell("children", TestActor);
        Assert.Equal(["a", "b"], ExpectMsg<string[]>());
        parent.Tell("child:a", TestActor);
        Assert.Equal(a, ExpectMsg<IActorRef>());
        parent.Tell("child:zzz", TestActor);
        Assert.True(ExpectMsg<IActorRef>().IsNobody());
        a.Tell("parent?", TestActor);
        Assert.Equal(parent, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Duplicate_and_invalid_names_are_rejected()
    {
        ActorOf<Switcher>("same");
        var duplicate = Assert.Throws<InvalidActorNameException>(() => ActorOf<Switcher>("same"));
        Assert.Contains("not unique", duplicate.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidActorNameException>(() => ActorOf<Switcher>("a/b"));
        Assert.Throws<InvalidActorNameException>(() => ActorOf<Switcher>("$reserved"));
    }

    [Fact]
    public void Actors_cannot_be_created_with_new()
    {
        var e = Assert.Throws<ActorUsageException>(() => new Switcher());
        Assert.Contains("ActorOf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PoisonPill_stops_after_queued_messages()
    {
        var actor = ActorOf(Props.Create(() => new Recorder(TestActor)));
        ExpectMsg("prestart");
        Watch(actor);
        actor.Tell("1", TestActor);
        actor.Tell(PoisonPill.Instance, TestActor);
        actor.Tell("2", TestActor);
        ExpectMsg("echo:1");
        ExpectMsg("poststop");
        ExpectTerminated(actor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Stopping_a_parent_stops_children_first()
    {
        var parent = ActorOf<Parent>();
        parent.Tell("make:c1", TestActor);
        var c1 = ExpectMsg<IActorRef>();
        Watch(c1);
        Watch(parent);
        Sys.Stop(parent);
        ExpectTerminated(c1);
        ExpectTerminated(parent);
    }

    private sealed class TimeoutActor : ReceiveActor
    {
        public TimeoutActor(IActorRef probe)
        {
            Context.SetReceiveTimeout(TimeSpan.FromMilliseconds(150));
            Receive<ReceiveTimeout>(_ =>
            {
                probe.Tell("timeout");
                Context.SetReceiveTimeout(null);
            });
            Receive<string>(_ => { });
        }
    }

    [Fact]
    public void ReceiveTimeout_fires_after_idleness_and_can_be_switched_off()
    {
        var actor = ActorOf(Props.Create(() => new TimeoutActor(TestActor)));
        for (var i = 0; i < 4; i++)
        {
            actor.Tell("keep busy");
            Thread.Sleep(50);
        }

        ExpectMsg("timeout", TimeSpan.FromSeconds(3));
        ExpectNoMsg(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public void Identify_answers_with_the_ref()
    {
        var actor = ActorOf<Switcher>("ident");
        actor.Tell(new Identify(42), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal(42, identity.MessageId);
        Assert.Equal(actor, identity.Subject);
    }
}
