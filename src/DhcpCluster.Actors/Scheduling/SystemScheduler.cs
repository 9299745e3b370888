using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>
/// The scheduler of a system: one .NET timer per scheduled item, and a <see cref="DeadlineWheel"/> for the reusable
/// deadlines (receive timeouts, per-request timeouts), all disposed with the system.
/// </summary>
internal sealed class SystemScheduler : IScheduler, IDisposable
{
    private readonly ConcurrentDictionary<ScheduledItem, byte> _active = new();
    private readonly DeadlineWheel _wheel;
    private volatile bool _disposed;

    public SystemScheduler(ILogger log) =>
        _wheel = new DeadlineWheel(ex => log.LogError(ex, "A deadline's expiry failed: {Message}", ex.Message));

    public void Arm(Deadline deadline, TimeSpan delay, long token = 0)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        _wheel.Arm(deadline, delay, token);
    }

    public bool Disarm(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return _wheel.Disarm(deadline);
    }

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleTellOnceCancelable(delay, receiver, message, sender);

    public ICancelable ScheduleTellOnceCancelable(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Start(delay, null, () => receiver.Tell(message, sender));
    }

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleTellRepeatedlyCancelable(initialDelay, interval, receiver, message, sender);

    public ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
        }

        return Start(initialDelay, interval, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Start(delay, null, action);
    }

    private ScheduledItem Start(TimeSpan delay, TimeSpan? interval, Action action)
    {
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        var item = new ScheduledItem(this, action, interval is not null);
        if (_disposed)
        {
            item.Cancel();
            return item;
        }

        _active[item] = 0;
        item.Arm(delay, interval);
        return item;
    }

    internal void Remove(ScheduledItem item) => _active.TryRemove(item, out _);

    /// <summary>Number of pending items and armed deadlines (for leak checks).</summary>
    public int PendingCount => _active.Count + _wheel.ArmedCount;

    public void Dispose()
    {
        _disposed = true;
        _wheel.Dispose();
        foreach (var item in _active.Keys)
        {
            item.Cancel();
        }
    }

    internal sealed class ScheduledItem : ICancelable
    {
        private readonly SystemScheduler _owner;
        private readonly Action _action;
        private readonly bool _repeating;
        private Timer? _timer;
        private int _cancelled;

        public ScheduledItem(SystemScheduler owner, Action action, bool repeating)
        {
            _owner = owner;
            _action = action;
            _repeating = repeating;
        }

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Arm(TimeSpan delay, TimeSpan? interval)
        {
            var timer = new Timer(static s => ((ScheduledItem)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer = timer;
            timer.Change(delay, interval ?? Timeout.InfiniteTimeSpan);
            if (IsCancellationRequested)
            {
                timer.Dispose();
            }
        }

        private void Fire()
        {
            if (IsCancellationRequested)
            {
                return;
            }

            if (!_repeating)
            {
                Cancel();
            }

            _action();
        }

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0)
            {
                _timer?.Dispose();
                _owner.Remove(this);
            }
        }
    }
}
