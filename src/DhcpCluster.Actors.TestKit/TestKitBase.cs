using System.Collections.Concurrent;
using System.Diagnostics;

namespace DhcpCluster.Actors.Testing;

/// <summary>
/// The expectations shared by <see cref="TestKit"/> and <see cref="TestProbe"/>: a test actor queues
/// what it receives and the Expect* methods take from that queue, with timeouts scaled by the time
/// factor and bounded by an enclosing <see cref="Within(TimeSpan, Action)"/>.
/// </summary>
public abstract class TestKitBase
{
    private readonly BlockingCollection<ReceivedMessage> _queue = new(new ConcurrentQueue<ReceivedMessage>());
    private readonly AsyncLocal<DateTime?> _end = new();
    private ActorSystem? _system;
    private IActorRef? _testActor;
    private EventFilterFactory? _eventFilter;

    static TestKitBase()
    {
        // Tests block threads in Expect*; give the pool room so actors never wait for thread injection.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 8));
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys => _system ?? throw new InvalidOperationException("The TestKit has no actor system yet.");

    /// <summary>The timing settings.</summary>
    public TestKitSettings Settings { get; private set; } = new();

    /// <summary>The log sink the event filters listen to.</summary>
    public TestLogSink LogSink { get; private set; } = new();

    /// <summary>The actor whose received messages the Expect* methods inspect; use it as sender or reply-to.</summary>
    public IActorRef TestActor => _testActor ?? throw new InvalidOperationException("The TestKit has no test actor yet.");

    /// <summary>The sender of the last message taken from the queue.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The last message taken from the queue.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Log-event filters.</summary>
    public EventFilterFactory EventFilter => _eventFilter ??= new EventFilterFactory(this);

    /// <summary>Number of messages waiting in the queue.</summary>
    public int QueuedMessageCount => _queue.Count;

    /// <summary>Binds the kit to a system and creates its test actor.</summary>
    protected void InitializeTest(ActorSystem system, TestKitSettings settings, TestLogSink sink, string? testActorName = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        Settings = settings;
        LogSink = sink;
        _testActor = system.ActorOf(Props.Create(() => new TestActor(_queue)), testActorName ?? "testActor" + Interlocked.Increment(ref s_testActorCounter));
    }

    private static long s_testActorCounter;

    /// <summary>Multiplies by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) => Settings.Dilated(duration);

    /// <summary>Time left in the enclosing <c>Within</c>, or the dilated single-expect default.</summary>
    public TimeSpan RemainingOrDefault => RemainingOr(Dilated(Settings.SingleExpectDefault));

    /// <summary>Time left in the enclosing <c>Within</c>.</summary>
    /// <exception cref="InvalidOperationException">Outside <c>Within</c>.</exception>
    public TimeSpan Remaining => _end.Value is { } end ? Max(end - DateTime.UtcNow, TimeSpan.Zero) : throw new InvalidOperationException("Remaining is only defined inside Within(...).");

    private TimeSpan RemainingOr(TimeSpan duration) => _end.Value is { } end ? Max(end - DateTime.UtcNow, TimeSpan.Zero) : duration;

    private TimeSpan Timeout(TimeSpan? given)
    {
        if (given is { } g)
        {
            var dilated = Dilated(g);
            return _end.Value is { } end ? Min(dilated, Max(end - DateTime.UtcNow, TimeSpan.Zero)) : dilated;
        }

        return RemainingOrDefault;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // ---- receiving ----

    /// <summary>Takes the next message, or null when none arrives within the timeout.</summary>
    public object? ReceiveOne(TimeSpan? timeout = null)
    {
        var t = Timeout(timeout);
        if (_queue.TryTake(out var received, t))
        {
            LastSender = received.Sender;
            LastMessage = received.Message;
            return received.Message;
        }

        return null;
    }

    private ReceivedMessage ReceiveOrFail(TimeSpan? timeout, string what)
    {
        var t = Timeout(timeout);
        if (_queue.TryTake(out var received, t))
        {
            LastSender = received.Sender;
            LastMessage = received.Message;
            return received;
        }

        throw new TestKitAssertionException($"Timeout ({t.TotalMilliseconds:0} ms) while waiting for {what}.");
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/>.</summary>
    /// <exception cref="TestKitAssertionException">When none arrives in time or it has another type.</exception>
    public T ExpectMsg<T>(TimeSpan? timeout = null)
    {
        var received = ReceiveOrFail(timeout, "a message of type " + typeof(T).Name);
        return received.Message is T typed
            ? typed
            : throw new TestKitAssertionException($"Expected a message of type {typeof(T).Name} but got {Describe(received.Message)} from {received.Sender}.");
    }

    /// <summary>Expects the next message to equal <paramref name="message"/>.</summary>
    /// <exception cref="TestKitAssertionException">When none arrives in time or it differs.</exception>
    public T ExpectMsg<T>(T message, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var received = ReceiveOrFail(timeout, "message " + Describe(message));
        return received.Message is T typed && EqualityComparer<T>.Default.Equals(typed, message)
            ? typed
            : throw new TestKitAssertionException($"Expected {Describe(message)} but got {Describe(received.Message)} from {received.Sender}.");
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> satisfying the predicate.</summary>
    /// <exception cref="TestKitAssertionException">When none arrives in time, it has another type or fails the predicate.</exception>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var typed = ExpectMsg<T>(timeout);
        return isMessage(typed)
            ? typed
            : throw new TestKitAssertionException($"The message {Describe(typed)} did not match the predicate{(hint is null ? string.Empty : " (" + hint + ")")}.");
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> and runs assertions on it.</summary>
    /// <exception cref="TestKitAssertionException">When none arrives in time or it has another type; the assertion's exception when it fails.</exception>
    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(assert);
        var typed = ExpectMsg<T>(timeout);
        assert(typed);
        return typed;
    }

    /// <summary>Expects a <typeparamref name="T"/> from a given sender.</summary>
    /// <exception cref="TestKitAssertionException">When none arrives in time, or it has another type or sender.</exception>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var typed = ExpectMsg<T>(timeout);
        return LastSender.Equals(sender)
            ? typed
            : throw new TestKitAssertionException($"Expected {typeof(T).Name} from {sender} but it came from {LastSender}.");
    }

    /// <summary>Expects no message for the duration (default <c>expect-no-message-default</c>).</summary>
    /// <exception cref="TestKitAssertionException">When one arrives.</exception>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        var t = duration is { } d ? Timeout(d) : RemainingOr(Dilated(Settings.ExpectNoMessageDefault));
        if (_queue.TryTake(out var received, t))
        {
            LastSender = received.Sender;
            LastMessage = received.Message;
            throw new TestKitAssertionException($"Expected no message for {t.TotalMilliseconds:0} ms but got {Describe(received.Message)} from {received.Sender}.");
        }
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/> (the kit must <c>Watch</c> it first).</summary>
    /// <exception cref="TestKitAssertionException">When none arrives in time or another message arrives.</exception>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var terminated = ExpectMsg<Terminated>(timeout);
        return terminated.ActorRef.Equals(target)
            ? terminated
            : throw new TestKitAssertionException($"Expected Terminated({target}) but got Terminated({terminated.ActorRef}).");
    }

    /// <summary>Takes messages until one satisfies the predicate (the others are dropped) and returns it.</summary>
    /// <exception cref="TestKitAssertionException">When none does in time.</exception>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null, string? hint = null) =>
        FishForMessage<object>(isMessage, timeout, hint);

    /// <summary>Takes messages until a <typeparamref name="T"/> satisfies the predicate (others are dropped).</summary>
    /// <exception cref="TestKitAssertionException">When none does in time.</exception>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var deadline = DateTime.UtcNow + Timeout(timeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_queue.TryTake(out var received, left))
            {
                throw new TestKitAssertionException($"Timeout while fishing for a {typeof(T).Name}{(hint is null ? string.Empty : " (" + hint + ")")}.");
            }

            LastSender = received.Sender;
            LastMessage = received.Message;
            if (received.Message is T typed && isMessage(typed))
            {
                return typed;
            }
        }
    }

    /// <summary>Receives <paramref name="count"/> messages within the timeout (for all of them).</summary>
    /// <exception cref="TestKitAssertionException">When fewer arrive in time.</exception>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = DateTime.UtcNow + Timeout(timeout);
        var result = new List<object>(count);
        while (result.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left < TimeSpan.Zero || !_queue.TryTake(out var received, left))
            {
                throw new TestKitAssertionException($"Timeout while waiting for {count} messages: got {result.Count}.");
            }

            LastSender = received.Sender;
            LastMessage = received.Message;
            result.Add(received.Message);
        }

        return result;
    }

    // ---- timing blocks ----

    /// <summary>Runs the block; it must finish within <paramref name="max"/> (dilated); nested expectations share the deadline.</summary>
    /// <exception cref="TestKitAssertionException">When it takes longer.</exception>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Runs the block; it must take between <paramref name="min"/> and <paramref name="max"/> (dilated max).</summary>
    /// <exception cref="TestKitAssertionException">When it is faster or slower.</exception>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Within(min, max, () =>
        {
            action();
            return true;
        });
    }

    /// <summary>Runs the function within a time budget and returns its result.</summary>
    /// <exception cref="TestKitAssertionException">When it is faster than <paramref name="min"/> or slower than <paramref name="max"/>.</exception>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var dilatedMax = Dilated(max);
        var start = Stopwatch.GetTimestamp();
        var outer = _end.Value;
        var end = DateTime.UtcNow + dilatedMax;
        _end.Value = outer is { } o && o < end ? o : end;
        T result;
        try
        {
            result = function();
        }
        finally
        {
            _end.Value = outer;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed < min)
        {
            throw new TestKitAssertionException($"The block took {elapsed.TotalMilliseconds:0} ms, less than the minimum {min.TotalMilliseconds:0} ms.");
        }

        if (elapsed > dilatedMax)
        {
            throw new TestKitAssertionException($"The block took {elapsed.TotalMilliseconds:0} ms, more than the maximum {dilatedMax.TotalMilliseconds:0} ms.");
        }

        return result;
    }

    /// <summary>Retries the assertion every <paramref name="interval"/> (default 100 ms) until it passes or the duration ends.</summary>
    /// <exception cref="Exception">The assertion's last failure when it never passed.</exception>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval).GetAwaiter().GetResult();
    }

    /// <summary>Async form of <see cref="AwaitAssert"/>.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = DateTime.UtcNow + (duration is { } d ? Timeout(d) : RemainingOr(Dilated(Settings.DefaultTimeout)));
        var pause = interval ?? TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                var left = deadline - DateTime.UtcNow;
                await Task.Delay(left < pause ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : pause).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Polls the condition every <paramref name="interval"/> (default 100 ms) until true.</summary>
    /// <exception cref="TestKitAssertionException">When it is still false at the end.</exception>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var t = max is { } m ? Timeout(m) : RemainingOr(Dilated(Settings.DefaultTimeout));
        var deadline = DateTime.UtcNow + t;
        var pause = interval ?? TimeSpan.FromMilliseconds(100);
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TestKitAssertionException($"Condition not met within {t.TotalMilliseconds:0} ms{(message is null ? string.Empty : ": " + message)}.");
            }

            Thread.Sleep(left < pause ? left : pause);
        }
    }

    // ---- actors ----

    /// <summary>Makes the test actor watch an actor (its Terminated then arrives in the queue).</summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        TestActor.Ask<Done>(new TestActor.WatchCommand(actor), Dilated(Settings.DefaultTimeout)).GetAwaiter().GetResult();
        return actor;
    }

    /// <summary>Makes the test actor stop watching an actor.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        TestActor.Ask<Done>(new TestActor.UnwatchCommand(actor), Dilated(Settings.DefaultTimeout)).GetAwaiter().GetResult();
        return actor;
    }

    /// <summary>Creates an actor under /user.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Creates an actor of a type with a parameterless constructor.</summary>
    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>(), name);

    /// <summary>Creates a probe on the same system.</summary>
    public TestProbe CreateTestProbe(string? name = null) => new(Sys, Settings, LogSink, name);

    /// <summary>Sends a message to an actor with the test actor as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, TestActor);
    }

    /// <summary>Replies to the last sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    private static string Describe(object? message) => message is null ? "null" : $"{message} ({message.GetType().Name})";
}
