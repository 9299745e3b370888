namespace DhcpCluster.Actors.Tests;

public sealed class TimerTests : TestKit
{
    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        public Ticker(IActorRef probe)
        {
            Receive<(string Command, string Key, int Ms)>(c => c.Command is "single", c => Timers.StartSingleTimer(c.Key, "tick:" + c.Key, TimeSpan.FromMilliseconds(c.Ms)));
            Receive<(string Command, string Key, int Ms)>(c => c.Command is "periodic", c => Timers.StartPeriodicTimer(c.Key, "tick:" + c.Key, TimeSpan.FromMilliseconds(c.Ms)));
            Receive<(string Command, string Key, int Ms)>(c => c.Command is "cancel", c => Timers.Cancel(c.Key));
            Receive<(string Command, string Key, int Ms)>(c => c.Command is "active", c => probe.Tell(Timers.IsTimerActive(c.Key)));
            Receive<(string Command, string Key, int Ms)>(c => c.Command is "fire-then-cancel", c =>
            {
                // The timer fires while this handler blocks, so its message is already in the mailbox when cancelled.
                Timers.StartSingleTimer(c.Key, "tick:" + c.Key, TimeSpan.Zero);
                Thread.Sleep(c.Ms);
                Timers.Cancel(c.Key);
                probe.Tell("cancelled");
            });
            Receive<(string Command, string Key, int Ms)>(c => c.Command is "fire-then-replace", c =>
            {
                Timers.StartSingleTimer(c.Key, "old", TimeSpan.Zero);
                Thread.Sleep(c.Ms);
                Timers.StartSingleTimer(c.Key, "new", TimeSpan.FromMilliseconds(10));
            });
            Receive<string>(s => s is "crash", _ => throw new InvalidOperationException("crash"));
            Receive<string>(s => s is "cancel-all", _ =>
            {
                Timers.CancelAll();
                probe.Tell(Timers.ActiveTimers.Count);
            });
            Receive<string>(s => s is "delayed-periodic", _ => Timers.StartPeriodicTimer("d", "tick:d", TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20)));
            Receive<string>(s => probe.Tell(s));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    [Fact]
    public void Single_timer_fires_once_and_is_then_inactive()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(("single", "a", 50));
        ExpectMsg("tick:a");
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
        ticker.Tell(("active", "a", 0));
        ExpectMsg(false);
    }

    [Fact]
    public void Periodic_timer_repeats_until_cancelled()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(("periodic", "p", 30));
        ExpectMsg("tick:p");
        ExpectMsg("tick:p");
        ExpectMsg("tick:p");
        ticker.Tell(("active", "p", 0));
        FishForMessage<bool>(b => b);
        ticker.Tell(("cancel", "p", 0));
        ticker.Tell(("active", "p", 0));
        FishForMessage<bool>(b => !b);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_cancelled_timer_message_already_queued_is_never_delivered()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(("fire-then-cancel", "c", 100));
        ExpectMsg("cancelled");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_replaced_timer_delivers_only_the_new_message()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(("fire-then-replace", "r", 100));
        ExpectMsg("new");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void CancelAll_cancels_every_timer()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(("single", "x", 200));
        ticker.Tell(("periodic", "y", 200));
        ticker.Tell("cancel-all");
        ExpectMsg(0);
        ExpectNoMsg(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public void Periodic_timer_with_initial_delay()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell("delayed-periodic");
        ExpectMsg("tick:d");
        ExpectMsg("tick:d");
        ticker.Tell(("cancel", "d", 0));
    }

    [Fact]
    public void Timers_are_cancelled_on_restart()
    {
        var ticker = ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(("single", "later", 300));
        ticker.Tell("crash");
        ExpectNoMsg(TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public void Scheduler_tells_once_and_repeatedly_until_cancelled()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(30), TestActor, "once", null);
        ExpectMsg("once");
        var repeating = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.Zero, TimeSpan.FromMilliseconds(30), TestActor, "again", null);
        ExpectMsg("again");
        ExpectMsg("again");
        repeating.Cancel();
        Assert.True(repeating.IsCancellationRequested);
        Thread.Sleep(Dilated(TimeSpan.FromMilliseconds(300)));
        while (ReceiveOne(TimeSpan.Zero) is not null)
        {
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var cancelled = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromMilliseconds(100), TestActor, "never", null);
        cancelled.Cancel();
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
