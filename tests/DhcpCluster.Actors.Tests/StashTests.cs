namespace DhcpCluster.Actors.Tests;

public sealed class StashTests : TestKit
{
    private sealed class Gate : ReceiveActor, IWithUnboundedStash
    {
        private readonly IActorRef _probe;

        public Gate(IActorRef probe)
        {
            _probe = probe;
            probe.Tell("started");
            Closed();
        }

        public IStash Stash { get; set; } = null!;

        private void Closed()
        {
            Receive<string>(s => s is "open", _ =>
            {
                Become(Open);
                Stash.UnstashAll();
            });
            Receive<string>(s => s is "twice", _ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (ActorUsageException e)
                {
                    _probe.Tell("refused: " + e.Message);
                }
            });
            Receive<string>(s => s is "crash", _ => throw new InvalidOperationException("crash"));
            Receive<string>(s => s is "count", _ => _probe.Tell(Stash.Count));
            Receive<string>(s => s is "one", _ =>
            {
                BecomeStacked(() => Receive<string>(s2 =>
                {
                    _probe.Tell("single " + s2);
                    UnbecomeStacked();
                }));
                Stash.Unstash();
            });
            Receive<string>(_ => Stash.Stash());
        }

        private void Open() => Receive<string>(s => _probe.Tell("got " + s));
    }

    [Fact]
    public void UnstashAll_delivers_in_order_before_newer_messages()
    {
        var gate = ActorOf(Props.Create(() => new Gate(TestActor)));
        ExpectMsg("started");
        gate.Tell("a");
        gate.Tell("b");
        gate.Tell("c");
        gate.Tell("count");
        ExpectMsg(3);
        gate.Tell("open");
        gate.Tell("d");
        ExpectMsg("got a");
        ExpectMsg("got b");
        ExpectMsg("got c");
        ExpectMsg("got d");
    }

    [Fact]
    public void Unstash_puts_back_only_the_oldest_message()
    {
        var gate = ActorOf(Props.Create(() => new Gate(TestActor)));
        ExpectMsg("started");
        gate.Tell("first");
        gate.Tell("second");
        gate.Tell("one");
        ExpectMsg("single first");
        gate.Tell("count");
        ExpectMsg(1);
    }

    [Fact]
    public void Stashing_the_same_message_twice_is_refused()
    {
        var gate = ActorOf(Props.Create(() => new Gate(TestActor)));
        ExpectMsg("started");
        gate.Tell("twice");
        ExpectMsg<string>(s => s.Contains("twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Stash_survives_a_restart()
    {
        var gate = ActorOf(Props.Create(() => new Gate(TestActor)));
        ExpectMsg("started");
        gate.Tell("x");
        gate.Tell("y");
        gate.Tell("crash");
        ExpectMsg("started");
        // The stashed messages were unstashed into the new incarnation, which stashes them again (it starts closed).
        gate.Tell("count");
        ExpectMsg(2);
        gate.Tell("open");
        ExpectMsg("got x");
        ExpectMsg("got y");
    }

    [Fact]
    public void Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var gate = ActorOf(Props.Create(() => new Gate(TestActor)));
        ExpectMsg("started");
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(probe.Ref);
        gate.Tell("kept");
        gate.Tell("count");
        ExpectMsg(1);
        Sys.Stop(gate);
        probe.FishForMessage<DeadLetter>(d => d.Message is "kept");
    }
}
