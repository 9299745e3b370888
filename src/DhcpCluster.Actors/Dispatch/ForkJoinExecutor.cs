using System.Collections.Concurrent;

namespace DhcpCluster.Actors;

/// <summary>
/// The dedicated threads of a <c>fork-join-executor</c> dispatcher. Each thread has a local queue; work scheduled by
/// one of its own threads (an actor telling another actor of the same dispatcher) goes to that thread's local queue
/// and wakes nobody: the thread runs it when its current turn ends. Work scheduled from any other thread goes to the
/// shared queue and wakes one sleeping thread. An idle thread steals from the others' local queues, and a thread that
/// takes work while more is waiting wakes one sleeping thread, so waiting work never sits behind a busy thread while
/// another sleeps. Idle threads block without spinning (an idle system uses no CPU). Each mailbox is scheduled at most
/// once at a time (its own Scheduled bit), so it never runs on two threads at once.
/// </summary>
internal sealed class ForkJoinExecutor
{
    /// <summary>Every this many takes a thread looks at the shared queue before its local one (fairness).</summary>
    private const int SharedQueueCheckInterval = 31;

    [ThreadStatic]
    private static Worker? t_worker;

    private readonly string _name;
    private readonly ConcurrentQueue<IThreadPoolWorkItem> _shared = new();
    // A monitor (not System.Threading.Lock): sleeping threads wait on it.
    private readonly object _gate = new();
    private Worker[]? _workers;
    private int _idle;
    private int _permits;
    private volatile bool _stopping;

    public ForkJoinExecutor(string name, int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        _name = name;
        ThreadCount = threadCount;
    }

    /// <summary>The number of threads.</summary>
    public int ThreadCount { get; }

    /// <summary>Threads parked or about to park (for tests and diagnostics).</summary>
    internal int IdleThreads => Volatile.Read(ref _idle);

    /// <summary>True once <see cref="Shutdown"/> ran.</summary>
    internal bool IsShutDown => _stopping;

    /// <summary>Whether the calling thread is one of this executor's.</summary>
    internal bool IsOwnThread => t_worker?.Owner == this;

    /// <summary>Runs <paramref name="item"/> on one of the threads (on the .NET thread pool after shutdown).</summary>
    public void Schedule(IThreadPoolWorkItem item)
    {
        if (_stopping)
        {
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
            return;
        }

        var workers = Volatile.Read(ref _workers) ?? Start();
        var worker = t_worker;
        if (worker is not null && ReferenceEquals(worker.Owner, this))
        {
            // A thread of ours is running (or a helping thread): it takes this itself after its current turn. Another
            // thread is woken only when work was already waiting here (this thread alone would then hold it up); a
            // helping thread's queue is its own.
            var waiting = !worker.Local.IsEmpty;
            worker.Local.Enqueue(item);
            if (waiting && worker.Index >= 0)
            {
                WakeOneIfIdle();
            }
        }
        else
        {
            _shared.Enqueue(item);
            WakeOneIfIdle();
        }

        if (_stopping)
        {
            // Shut down while this was queued: make sure it runs (each item is dequeued once, whoever drains it).
            DrainToThreadPool(workers);
        }
    }

    /// <summary>Stops the threads once their current item is done; what is still queued moves to the thread pool.</summary>
    public void Shutdown()
    {
        _stopping = true;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        if (Volatile.Read(ref _workers) is { } workers)
        {
            DrainToThreadPool(workers);
        }
    }

    private Worker[] Start()
    {
        var workers = new Worker[ThreadCount];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Worker(this, i);
        }

        if (Interlocked.CompareExchange(ref _workers, workers, null) is { } existing)
        {
            return existing;
        }

        foreach (var worker in workers)
        {
            new Thread(worker.Run) { IsBackground = true, Name = $"{_name}-{worker.Index + 1}" }.Start();
        }

        return workers;
    }

    private void WakeOneIfIdle()
    {
        if (Volatile.Read(ref _idle) == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_permits < _idle)
            {
                _permits++;
                Monitor.Pulse(_gate);
            }
        }
    }

    private bool TryTake(Worker worker, out IThreadPoolWorkItem item)
    {
        if (++worker.Takes >= SharedQueueCheckInterval)
        {
            worker.Takes = 0;
            if (_shared.TryDequeue(out item!))
            {
                return true;
            }
        }

        if (worker.Local.TryDequeue(out item!))
        {
            if (!worker.Local.IsEmpty)
            {
                WakeOneIfIdle();
            }

            return true;
        }

        if (_shared.TryDequeue(out item!))
        {
            if (!_shared.IsEmpty)
            {
                WakeOneIfIdle();
            }

            return true;
        }

        var workers = _workers!;
        for (var i = 1; i < workers.Length; i++)
        {
            var victim = workers[(worker.Index + i) % workers.Length];
            if (victim.Local.TryDequeue(out item!))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasWork()
    {
        if (!_shared.IsEmpty)
        {
            return true;
        }

        foreach (var worker in _workers!)
        {
            if (!worker.Local.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Blocks until work may be waiting. Never loses a wake-up: a scheduler that enqueued before this thread counted itself idle is seen by the check below; one that enqueued after sees the idle count and grants a permit.</summary>
    private void Park()
    {
        lock (_gate)
        {
            _idle++;
        }

        Interlocked.MemoryBarrier();
        var found = HasWork() || _stopping;
        lock (_gate)
        {
            if (!found)
            {
                while (_permits == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }
            }

            if (_permits > 0)
            {
                _permits--;
            }

            _idle--;
            if (_permits > _idle)
            {
                _permits = _idle;
            }
        }
    }

    private void DrainToThreadPool(Worker[] workers)
    {
        while (_shared.TryDequeue(out var item))
        {
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        }

        foreach (var worker in workers)
        {
            while (worker.Local.TryDequeue(out var item))
            {
                ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
            }
        }
    }

    /// <summary>A queue of the executor's for a thread of someone else's that runs the work it schedules itself (<see cref="DispatcherHelper"/>).</summary>
    internal HelperQueue CreateHelper() => new(this);

    /// <summary>
    /// The work a helping thread schedules while it helps: its own, run by that thread when it stops helping (not
    /// visible to the executor's threads, which never wait for it).
    /// </summary>
    internal sealed class HelperQueue
    {
        private readonly Worker _worker;

        public HelperQueue(ForkJoinExecutor owner) => _worker = new Worker(owner, -1);

        /// <summary>From now on, work this thread schedules on the executor is queued here, and no thread is woken for it.</summary>
        public void Begin() => t_worker = _worker;

        /// <summary>Runs what this thread scheduled (and what that schedules in turn) until nothing is left, then stops helping.</summary>
        public void RunPending()
        {
            try
            {
                while (_worker.Local.TryDequeue(out var item))
                {
                    item.Execute();
                }
            }
            finally
            {
                t_worker = null;
            }
        }
    }

    private sealed class Worker(ForkJoinExecutor owner, int index)
    {
        public ForkJoinExecutor Owner { get; } = owner;

        public int Index { get; } = index;

        /// <summary>Work scheduled by this thread; others steal from it when idle.</summary>
        public ConcurrentQueue<IThreadPoolWorkItem> Local { get; } = new();

        /// <summary>Takes since the shared queue was last looked at first (this thread only).</summary>
        public int Takes { get; set; }

        public void Run()
        {
            t_worker = this;
            while (!Owner._stopping)
            {
                if (Owner.TryTake(this, out var item))
                {
                    // Work items guard their own faults (an actor turn never throws out of Execute).
                    item.Execute();
                }
                else
                {
                    Owner.Park();
                }
            }

            Owner.DrainToThreadPool(Owner._workers!);
            t_worker = null;
        }
    }
}
