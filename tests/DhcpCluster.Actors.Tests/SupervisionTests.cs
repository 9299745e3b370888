namespace DhcpCluster.Actors.Tests;

public sealed class SupervisionTests : TestKit
{
    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter(IActorRef probe)
        {
            probe.Tell("created");
            Receive<string>(s => s is "inc", _ => _count++);
            Receive<string>(s => s is "get", _ => Sender.Tell(_count));
            Receive<Exception>(e => throw e);
        }
    }

    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Supervisor(SupervisorStrategy strategy)
        {
            _strategy = strategy;
            Receive<Props>(p => Sender.Tell(Context.ActorOf(p)));
            Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name)));
            Receive<Exception>(e => throw e);
            Receive<string>(s => s is "ping", _ => Sender.Tell("pong"));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;
    }

    private IActorRef Supervised(SupervisorStrategy strategy, out IActorRef supervisor)
    {
        supervisor = ActorOf(Props.Create(() => new Supervisor(strategy)));
        supervisor.Tell(Props.Create(() => new Counter(TestActor)), TestActor);
        var child = ExpectMsg<IActorRef>();
        ExpectMsg("created");
        return child;
    }

    [Fact]
    public void Default_strategy_restarts_with_fresh_state()
    {
        var child = Supervised(SupervisorStrategy.DefaultStrategy, out _);
        child.Tell("inc");
        child.Tell("inc");
        EventFilter.Exception<InvalidOperationException>("boom").ExpectOne(() => child.Tell(new InvalidOperationException("boom")));
        ExpectMsg("created");
        child.Tell("get", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Resume_keeps_state_and_drops_the_failing_message()
    {
        var child = Supervised(new OneForOneStrategy(_ => Directive.Resume), out _);
        child.Tell("inc");
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell(new InvalidOperationException("resume me")));
        child.Tell("inc");
        child.Tell("get", TestActor);
        ExpectMsg(2);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Stop_directive_stops_the_child()
    {
        var child = Supervised(new OneForOneStrategy(_ => Directive.Stop), out _);
        Watch(child);
        child.Tell(new InvalidOperationException("stop me"));
        ExpectTerminated(child);
    }

    [Fact]
    public void Retry_limit_within_window_stops_the_child()
    {
        var child = Supervised(new OneForOneStrategy(2, TimeSpan.FromSeconds(30), _ => Directive.Restart), out _);
        Watch(child);
        child.Tell(new InvalidOperationException("1"));
        ExpectMsg("created");
        child.Tell(new InvalidOperationException("2"));
        ExpectMsg("created");
        child.Tell(new InvalidOperationException("3"));
        ExpectTerminated(child);
    }

    [Fact]
    public void Restarts_outside_the_window_start_a_new_window()
    {
        var window = Dilated(TimeSpan.FromSeconds(1));
        var child = Supervised(new OneForOneStrategy(1, window, _ => Directive.Restart), out _);
        Watch(child);
        child.Tell(new InvalidOperationException("1"));
        ExpectMsg("created");
        Thread.Sleep(window + TimeSpan.FromMilliseconds(300));
        child.Tell(new InvalidOperationException("2"));
        ExpectMsg("created");
        child.Tell(new InvalidOperationException("3"));
        ExpectTerminated(child);
    }

    [Fact]
    public void Zero_retries_means_stop_on_first_failure()
    {
        var child = Supervised(new OneForOneStrategy(0, null, _ => Directive.Restart), out _);
        Watch(child);
        child.Tell(new InvalidOperationException("once"));
        ExpectTerminated(child);
    }

    [Fact]
    public void AllForOne_restarts_every_child()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Restart))));
        supervisor.Tell(Props.Create(() => new Counter(TestActor)), TestActor);
        var first = ExpectMsg<IActorRef>();
        ExpectMsg("created");
        supervisor.Tell(Props.Create(() => new Counter(TestActor)), TestActor);
        var second = ExpectMsg<IActorRef>();
        ExpectMsg("created");
        second.Tell("inc");
        first.Tell(new InvalidOperationException("all"));
        ExpectMsg("created");
        ExpectMsg("created");
        second.Tell("get", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void AllForOne_stop_stops_every_child()
    {
        var supervisor = ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Stop))));
        supervisor.Tell(Props.Create(() => new Counter(TestActor)), TestActor);
        var first = ExpectMsg<IActorRef>();
        ExpectMsg("created");
        supervisor.Tell(Props.Create(() => new Counter(TestActor)), TestActor);
        var second = ExpectMsg<IActorRef>();
        ExpectMsg("created");
        Watch(first);
        Watch(second);
        first.Tell(new InvalidOperationException("all stop"));
        var terminated = new[] { ExpectMsg<Terminated>().ActorRef, ExpectMsg<Terminated>().ActorRef };
        Assert.Contains(first, terminated);
        Assert.Contains(second, terminated);
    }

    [Fact]
    public void Escalate_fails_the_parent_which_its_own_parent_restarts()
    {
        var top = ActorOf(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Restart))), "top");
        top.Tell(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Escalate))), TestActor);
        var middle = ExpectMsg<IActorRef>();
        middle.Tell(Props.Create(() => new Counter(TestActor)), TestActor);
        var leaf = ExpectMsg<IActorRef>();
        ExpectMsg("created");
        Watch(leaf);
        leaf.Tell(new InvalidOperationException("up"));
        // The middle actor restarts: its default PreRestart stops the leaf.
        ExpectTerminated(leaf);
        middle.Tell("ping", TestActor);
        ExpectMsg("pong");
    }

    private sealed class FailingStart : ReceiveActor
    {
        public FailingStart() => ReceiveAny(_ => { });

        protected override void PreStart() => throw new InvalidOperationException("no start");
    }

    [Fact]
    public void Exception_in_PreStart_stops_the_actor()
    {
        IActorRef? actor = null;
        EventFilter.Exception<ActorInitializationException>().ExpectOne(() => actor = ActorOf<FailingStart>());
        Watch(actor!);
        ExpectTerminated(actor!);
    }

    private sealed class FailingConstructor : ReceiveActor
    {
        public FailingConstructor() => throw new InvalidOperationException("no ctor");
    }

    [Fact]
    public void Exception_in_constructor_stops_the_actor()
    {
        var actor = ActorOf<FailingConstructor>();
        Watch(actor);
        ExpectTerminated(actor);
    }

    private sealed class FailingPostRestart : ReceiveActor
    {
        public FailingPostRestart(IActorRef probe)
        {
            probe.Tell("created");
            Receive<Exception>(e => throw e);
        }

        protected override void PostRestart(Exception reason) => throw new InvalidOperationException("restart failed");
    }

    [Fact]
    public void Exception_in_PostRestart_stops_the_actor()
    {
        var actor = ActorOf(Props.Create(() => new FailingPostRestart(TestActor)));
        ExpectMsg("created");
        Watch(actor);
        EventFilter.Exception<PostRestartException>().ExpectOne(() => actor.Tell(new InvalidOperationException("first")));
        ExpectMsg("created");
        ExpectTerminated(actor);
    }

    private sealed class FailingPreRestart : ReceiveActor
    {
        public FailingPreRestart(IActorRef probe)
        {
            probe.Tell("created");
            Receive<Exception>(e => throw e);
            Receive<string>(s => Sender.Tell(s));
        }

        protected override void PreRestart(Exception reason, object? message) => throw new InvalidOperationException("pre-restart failed");
    }

    [Fact]
    public void Exception_in_PreRestart_is_logged_and_the_restart_completes()
    {
        var actor = ActorOf(Props.Create(() => new FailingPreRestart(TestActor)));
        ExpectMsg("created");
        EventFilter.Error(contains: "PreRestart").ExpectOne(() => actor.Tell(new InvalidOperationException("first")));
        ExpectMsg("created");
        actor.Tell("alive", TestActor);
        ExpectMsg("alive");
    }

    [Fact]
    public void Kill_stops_the_actor()
    {
        var child = Supervised(SupervisorStrategy.DefaultStrategy, out _);
        Watch(child);
        EventFilter.Exception<ActorKilledException>().ExpectOne(() => child.Tell(Kill.Instance));
        ExpectTerminated(child);
    }

    private sealed class PreRestartRecorder : ReceiveActor
    {
        public PreRestartRecorder(IActorRef probe)
        {
            Receive<Exception>(e => throw e);
            _probe = probe;
        }

        private readonly IActorRef _probe;

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell("pre:" + reason.Message + ":" + (message as Exception)?.Message);
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("post:" + reason.Message);
    }

    [Fact]
    public void Restart_hooks_get_the_cause_and_the_failing_message()
    {
        var actor = ActorOf(Props.Create(() => new PreRestartRecorder(TestActor)));
        actor.Tell(new InvalidOperationException("x"));
        ExpectMsg("pre:x:x");
        ExpectMsg("post:x");
    }
}
