using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Tests;

public sealed class LoggingTests : TestKit
{
    private sealed class Chatty : ReceiveActor
    {
        public Chatty()
        {
            var log = Context.GetLogger();
            Receive<string>(s => log.LogWarning("said {Text}", s));
        }
    }

    [Fact]
    public void Actor_logs_carry_the_actor_path_in_scope()
    {
        var actor = ActorOf<Chatty>("chatty");
        var entries = new List<LogEntry>();
        using (LogSink.Listen(e =>
        {
            lock (entries)
            {
                entries.Add(e);
            }
        }))
        {
            EventFilter.Warning("said hi").ExpectOne(() => actor.Tell("hi"));
        }

        LogEntry entry;
        lock (entries)
        {
            entry = entries.Single(e => e.Message is "said hi");
        }

        Assert.Equal(actor.Path.ToString(), entry.ActorPath);
        Assert.Contains("Chatty", entry.Category, StringComparison.Ordinal);
    }

    [Fact]
    public void EventFilter_fails_when_the_count_differs()
    {
        var actor = ActorOf<Chatty>();
        Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Warning(start: "said").Expect(2, () => actor.Tell("once"), TimeSpan.FromMilliseconds(300)));
        var seen = 0;
        using var counting = LogSink.Listen(e =>
        {
            if (e.Message.StartsWith("said t", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref seen);
            }
        });
        Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Warning(start: "said t").ExpectOne(() =>
            {
                actor.Tell("two");
                actor.Tell("three");
                AwaitCondition(() => Volatile.Read(ref seen) == 2);
            }));
    }
}
