using System.Diagnostics;

namespace DhcpCluster.Actors;

/// <summary>
/// A hashed timing wheel for <see cref="Deadline"/>s (as Akka's scheduler: 10 ms ticks, 512 buckets): arming links the
/// deadline into the bucket of its due tick, disarming unlinks it, both O(1) under one lock and without allocating; one
/// thread advances the wheel a tick at a time, expires what is due in that tick's bucket (later rounds stay) and calls
/// them outside the lock. It sleeps without a deadline while none is armed.
/// </summary>
internal sealed class DeadlineWheel : IDisposable
{
    /// <summary>Milliseconds per tick: the resolution of a deadline (it expires up to this much late, never early).</summary>
    public const int TickMilliseconds = 10;

    private const int BucketCount = 512;
    private const int BucketMask = BucketCount - 1;

    private readonly Deadline?[] _heads = new Deadline?[BucketCount];
    private readonly object _gate = new();
    private readonly Thread _thread;
    private readonly List<(Deadline Deadline, long Token)> _due = [];
    private readonly Action<Exception> _onError;
    private long _processedTick;
    private int _armed;
    private bool _disposed;

    /// <param name="onError">Told of an exception thrown by a deadline's <see cref="Deadline.Expired"/> (the wheel goes on).</param>
    public DeadlineWheel(Action<Exception> onError)
    {
        _onError = onError;
        _processedTick = NowTick();
        _thread = new Thread(Run) { IsBackground = true, Name = "scheduler-wheel" };
        _thread.Start();
    }

    /// <summary>Deadlines armed and not yet expired (for leak checks).</summary>
    public int ArmedCount
    {
        get
        {
            lock (_gate)
            {
                return _armed;
            }
        }
    }

    /// <summary>Arms <paramref name="deadline"/> to expire after <paramref name="delay"/>, replacing its current arming if any.</summary>
    public void Arm(Deadline deadline, TimeSpan delay, long token)
    {
        var delayMs = delay <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(delay.TotalMilliseconds);
        // + 1: the clock reads whole milliseconds, and the current one may be nearly over.
        var due = (NowMilliseconds() + 1 + delayMs + TickMilliseconds - 1) / TickMilliseconds;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (deadline.Bucket >= 0)
            {
                Unlink(deadline);
            }

            deadline.DueTick = Math.Max(due, _processedTick + 1);
            deadline.Token = token;
            Link(deadline);
            if (_armed == 1)
            {
                Monitor.Pulse(_gate); // the wheel thread sleeps without a deadline while none is armed
            }
        }
    }

    /// <summary>Disarms <paramref name="deadline"/>; false if it was not armed (never, already expired, or disarmed).</summary>
    public bool Disarm(Deadline deadline)
    {
        lock (_gate)
        {
            if (deadline.Bucket < 0)
            {
                return false;
            }

            Unlink(deadline);
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            for (var i = 0; i < BucketCount; i++)
            {
                while (_heads[i] is { } head)
                {
                    Unlink(head);
                }
            }

            Monitor.Pulse(_gate);
        }

        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private static readonly long StopwatchTicksPerMillisecond = Math.Max(1, Stopwatch.Frequency / 1000);

    /// <summary>A precise monotonic clock in milliseconds (Environment.TickCount64 can lag by a few ms, and a deadline must never expire early).</summary>
    private static long NowMilliseconds() => Stopwatch.GetTimestamp() / StopwatchTicksPerMillisecond;

    private static long NowTick() => NowMilliseconds() / TickMilliseconds;

    private void Link(Deadline deadline)
    {
        var bucket = (int)(deadline.DueTick & BucketMask);
        var head = _heads[bucket];
        deadline.Previous = null;
        deadline.Next = head;
        if (head is not null)
        {
            head.Previous = deadline;
        }

        _heads[bucket] = deadline;
        deadline.Bucket = bucket;
        _armed++;
    }

    private void Unlink(Deadline deadline)
    {
        if (deadline.Previous is { } previous)
        {
            previous.Next = deadline.Next;
        }
        else
        {
            _heads[deadline.Bucket] = deadline.Next;
        }

        if (deadline.Next is { } next)
        {
            next.Previous = deadline.Previous;
        }

        deadline.Next = null;
        deadline.Previous = null;
        deadline.Bucket = -1;
        _armed--;
    }

    private void Run()
    {
        while (true)
        {
            lock (_gate)
            {
                if (!WaitForTick())
                {
                    return;
                }

                CollectDue(NowTick());
            }

            foreach (var (deadline, token) in _due)
            {
                try
                {
                    deadline.Expire(token);
                }
#pragma warning disable CA1031 // an owner's failure must not stop the wheel for every other deadline
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _onError(ex);
                }
            }

            _due.Clear();
        }
    }

    /// <summary>Waits (holding the lock) until a tick with armed deadlines has come; false once disposed.</summary>
    private bool WaitForTick()
    {
        while (!_disposed)
        {
            if (_armed == 0)
            {
                Monitor.Wait(_gate);
                continue;
            }

            var untilNextTick = ((_processedTick + 1) * TickMilliseconds) - NowMilliseconds();
            if (untilNextTick <= 0)
            {
                return true;
            }

            Monitor.Wait(_gate, TimeSpan.FromMilliseconds(untilNextTick));
        }

        return false;
    }

    /// <summary>
    /// Expires what is due by <paramref name="now"/> in the buckets of the ticks since the last pass (every bucket once
    /// at most: after a long sleep one round covers them all).
    /// </summary>
    private void CollectDue(long now)
    {
        var ticks = Math.Min(now - _processedTick, BucketCount);
        for (var i = 1; i <= ticks; i++)
        {
            var bucket = (int)((_processedTick + i) & BucketMask);
            var entry = _heads[bucket];
            while (entry is not null)
            {
                var next = entry.Next;
                if (entry.DueTick <= now)
                {
                    Unlink(entry);
                    _due.Add((entry, entry.Token));
                }

                entry = next;
            }
        }

        _processedTick = Math.Max(_processedTick, now);
    }
}
