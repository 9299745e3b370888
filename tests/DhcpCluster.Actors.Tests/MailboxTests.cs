namespace DhcpCluster.Actors.Tests;

public sealed class MailboxTests : TestKit
{
    public MailboxTests()
        : base("dhcp-cluster.actor.bounded-mailbox.mailbox-capacity = 5\ndhcp-cluster.actor.default-dispatcher.throughput = 3")
    {
    }

    private sealed class Collector : ReceiveActor
    {
        private readonly Dictionary<int, int> _next = [];

        public Collector(IActorRef probe)
        {
            Receive<(int Sender, int Seq)>(m =>
            {
                var expected = _next.GetValueOrDefault(m.Sender);
                if (m.Seq != expected)
                {
                    probe.Tell($"out of order from {m.Sender}: {m.Seq} after {expected - 1}");
                }

                _next[m.Sender] = m.Seq + 1;
            });
            Receive<string>(s => s is "report", _ => probe.Tell(_next.Values.Sum()));
        }
    }

    [Fact]
    public void Order_per_sender_is_preserved_with_concurrent_senders() => SendConcurrentlyAndCount(senders: 4, perSender: 20_000, spinsPerSenderIndex: 0);

    /// <summary>
    /// Senders that pause between messages (for different short spins) keep the queue emptying and refilling, so the
    /// consumer keeps handing the stub role back to the cell while producers link behind it: every message arrives,
    /// once, in each sender's order (a reset that ignores a producer's tail swap fails this within a run).
    /// </summary>
    [Fact]
    public void Nothing_is_lost_or_reordered_when_the_queue_empties_between_messages() =>
        SendConcurrentlyAndCount(senders: 3, perSender: 100_000, spinsPerSenderIndex: 10);

    /// <summary>Sender threads tell a collector numbered messages (sender <c>s</c> spinning <c>s x spins</c> after each); all must arrive in order.</summary>
    private void SendConcurrentlyAndCount(int senders, int perSender, int spinsPerSenderIndex)
    {
        var collector = ActorOf(Props.Create(() => new Collector(TestActor)));
        var threads = Enumerable.Range(0, senders).Select(s => new Thread(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                collector.Tell((s, i), null);
                if (spinsPerSenderIndex > 0)
                {
                    Thread.SpinWait(s * spinsPerSenderIndex);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        AwaitAssert(() =>
        {
            collector.Tell("report", TestActor);
            var total = FishForMessage<object>(m => m is int || m is string);
            Assert.Equal(senders * perSender, Assert.IsType<int>(total));
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200));
    }

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(IActorRef probe)
        {
            Receive<ManualResetEventSlim>(gate => gate.Wait(TimeSpan.FromSeconds(10)));
            Receive<int>(i => probe.Tell(i));
        }
    }

    [Fact]
    public void Bounded_mailbox_sends_overflow_to_dead_letters()
    {
        var dead = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(dead.Ref);
        var actor = ActorOf(Props.Create(() => new Blocker(TestActor)).WithMailbox(Mailboxes.BoundedMailboxId));
        using var gate = new ManualResetEventSlim();
        actor.Tell(gate);
        AwaitCondition(() => ((LocalActorRef)actor).Cell.CurrentMessage is ManualResetEventSlim, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(5));
        for (var i = 0; i < 8; i++)
        {
            actor.Tell(i);
        }

        for (var i = 5; i < 8; i++)
        {
            dead.ExpectMsg<DeadLetter>(d => d.Message is int n && n == i);
        }

        gate.Set();
        for (var i = 0; i < 5; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void Throughput_is_read_from_configuration()
    {
        Assert.Equal(3, Sys.Settings.Throughput);
        Assert.Equal(3, Sys.Dispatchers.Default.Throughput);
        Assert.Equal(5, Sys.Settings.BoundedMailboxCapacity);
    }

    [Fact]
    public void Unknown_mailbox_or_dispatcher_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => ActorOf(Props.Create(() => new Blocker(TestActor)).WithMailbox("nope")));
        Assert.Contains("No mailbox with id 'nope'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ActorOf(Props.Create(() => new Blocker(TestActor)).WithDispatcher("nope")));
    }
}
