namespace DhcpCluster.Actors.Testing;

/// <summary>A log-event expectation: run an action, then wait until exactly the expected number of matching entries was logged.</summary>
public sealed class EventFilter
{
    private readonly TestKitBase _testKit;
    private readonly Func<LogEntry, bool> _matches;
    private readonly string _description;

    internal EventFilter(TestKitBase testKit, Func<LogEntry, bool> matches, string description)
    {
        _testKit = testKit;
        _matches = matches;
        _description = description;
    }

    /// <summary>Expects exactly one matching entry while (or shortly after) <paramref name="action"/> runs.</summary>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>Expects exactly one matching entry while (or shortly after) <paramref name="action"/> runs.</summary>
    public Task ExpectOneAsync(Func<Task> action) => ExpectAsync(1, action);

    /// <summary>Expects exactly <paramref name="expected"/> matching entries.</summary>
    /// <exception cref="TestKitAssertionException">When fewer arrive within the leeway, or more arrive.</exception>
    public void Expect(int expected, Action action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ExpectAsync(expected, () =>
        {
            action();
            return Task.CompletedTask;
        }, timeout).GetAwaiter().GetResult();
    }

    /// <summary>Expects exactly <paramref name="expected"/> matching entries (async action).</summary>
    /// <exception cref="TestKitAssertionException">When fewer arrive within the leeway, or more arrive.</exception>
    public async Task ExpectAsync(int expected, Func<Task> action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var count = 0;
        var matched = new List<LogEntry>();
        using (_testKit.LogSink.Listen(entry =>
        {
            if (_matches(entry))
            {
                lock (matched)
                {
                    matched.Add(entry);
                }

                Interlocked.Increment(ref count);
            }
        }))
        {
            await action().ConfigureAwait(false);
            var deadline = DateTime.UtcNow + _testKit.Dilated(timeout ?? _testKit.Settings.FilterLeeway);
            while (Volatile.Read(ref count) < expected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10).ConfigureAwait(false);
            }

            var seen = Volatile.Read(ref count);
            if (seen != expected)
            {
                string list;
                lock (matched)
                {
                    list = string.Join(Environment.NewLine, matched.Select(e => $"  {e.Level} {e.ActorPath}: {e.Message}"));
                }

                throw new TestKitAssertionException($"Expected {expected} log {_description} but got {seen}.{Environment.NewLine}{list}");
            }
        }
    }

    /// <summary>Suppresses nothing and expects nothing: runs the action while matching entries are counted; returns the count.</summary>
    public int Count(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var count = 0;
        using (_testKit.LogSink.Listen(entry =>
        {
            if (_matches(entry))
            {
                Interlocked.Increment(ref count);
            }
        }))
        {
            action();
        }

        return count;
    }
}
