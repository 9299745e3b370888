namespace DhcpCluster.Actors.Remote.Tests;

/// <summary>Every message keeps the time it was created: receivers see when the sender told it, not when it was handled.</summary>
public sealed class CreationTimeTests
{
    private static readonly TimeSpan Busy = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task A_local_message_that_waited_in_the_mailbox_shows_when_it_was_told()
    {
        var system = ActorSystem.Create("local");
        try
        {
            var probe = new Probe(system, "probe");
            var actor = system.ActorOf(Props.Create(() => new CreationTimeReporter()), "reporter");
            actor.Tell("busy", probe.Ref);
            var before = MessageClock.UtcNow;
            actor.Tell("report", probe.Ref);
            var after = MessageClock.UtcNow;
            AssertCreatedAt(before, after, await probe.ExpectAsync<CreationTimeReporter.Report>());
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task A_stashed_message_keeps_its_creation_time_when_it_is_unstashed()
    {
        var system = ActorSystem.Create("stash");
        try
        {
            var probe = new Probe(system, "probe");
            var actor = system.ActorOf(Props.Create(() => new StashingReporter()), "reporter");
            var before = MessageClock.UtcNow;
            actor.Tell("report", probe.Ref);
            var after = MessageClock.UtcNow;
            await Task.Delay(Busy);
            actor.Tell("open", probe.Ref);
            AssertCreatedAt(before, after, await probe.ExpectAsync<CreationTimeReporter.Report>());
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task A_remote_message_shows_the_time_the_sender_told_it_on_its_node()
    {
        var a = Nodes.Start("a");
        var b = Nodes.Start("b");
        try
        {
            var probe = new Probe(a, "probe");
            b.ActorOf(Props.Create(() => new CreationTimeReporter()), "reporter");
            var reporter = Nodes.RefOn(a, b, "/user/reporter");
            reporter.Tell("busy", probe.Ref);
            var before = MessageClock.UtcNow;
            reporter.Tell("report", probe.Ref);
            var after = MessageClock.UtcNow;
            AssertCreatedAt(before, after, CreationTimeReporter.Report.Parse(await probe.ExpectAsync<string>()));
        }
        finally
        {
            await a.Terminate();
            await b.Terminate();
        }
    }

    [Fact]
    public void The_message_clock_follows_the_system_clock_to_within_milliseconds()
    {
        for (var i = 0; i < 50; i++)
        {
            var before = DateTime.UtcNow;
            var now = MessageClock.UtcNow;
            var after = DateTime.UtcNow;
            Assert.Equal(DateTimeKind.Utc, now.Kind);
            Assert.InRange(now, before - TimeSpan.FromMilliseconds(20), after + TimeSpan.FromMilliseconds(20));
        }
    }

    private static void AssertCreatedAt(DateTime before, DateTime after, CreationTimeReporter.Report report)
    {
        // Created while Tell ran (one clock for both nodes of this process; 10 ms for its resynchronisation), handled only after the busy message.
        Assert.InRange(report.Created, before - TimeSpan.FromMilliseconds(10), after + TimeSpan.FromMilliseconds(10));
        Assert.True(report.Handled - report.Created >= Busy - TimeSpan.FromMilliseconds(50), $"created {report.Created:O}, handled {report.Handled:O}");
    }

    /// <summary>Answers "report" with the current message's creation time and the time it handled it; "busy" blocks it for a while.</summary>
    public sealed class CreationTimeReporter : ReceiveActor
    {
        public CreationTimeReporter()
        {
            Receive<string>(m => string.Equals(m, "busy", StringComparison.Ordinal), _ => Thread.Sleep(Busy));
            Receive<string>(m => string.Equals(m, "report", StringComparison.Ordinal), _ =>
            {
                var report = new Report(Context.CurrentMessageCreatedUtc, MessageClock.UtcNow);
                Sender.Tell(Sender is RemoteActorRef ? report.ToString() : report, Self);
            });
        }

        public sealed record Report(DateTime Created, DateTime Handled)
        {
            public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Created.Ticks} {Handled.Ticks}");

            public static Report Parse(string text)
            {
                var parts = text.Split(' ');
                return new Report(
                    new DateTime(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
                    new DateTime(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
            }
        }
    }

    /// <summary>Stashes everything until "open", then handles the stash like <see cref="CreationTimeReporter"/>.</summary>
    public sealed class StashingReporter : ReceiveActor, IWithUnboundedStash
    {
        public StashingReporter()
        {
            Receive<string>(m => string.Equals(m, "open", StringComparison.Ordinal), _ =>
            {
                Become(() => Receive<string>(_ => Sender.Tell(new CreationTimeReporter.Report(Context.CurrentMessageCreatedUtc, MessageClock.UtcNow), Self)));
                Stash.UnstashAll();
            });
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }
}
