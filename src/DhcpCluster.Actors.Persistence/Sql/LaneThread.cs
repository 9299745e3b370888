namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>
/// The thread of one group-commit lane, as the synchronization context its code resumes on. A lane waits for writes,
/// commits and calls back; on the .NET thread pool every wait for the next batch parked or spun a pool worker
/// (measured: ~17,000 context switches a second at 5,000 DORA/s, most of them the pool's idle spinning), and every
/// continuation could land on another worker. Here a lane's continuations are posted to its own thread, which
/// sleeps on a monitor when nothing is queued: one wake per batch, no spinning, and the database connection stays on
/// one thread. SQLite's calls complete synchronously, so a SQLite lane runs its whole loop without posting at all.
/// </summary>
internal sealed class LaneThread : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly object _gate = new();
    private bool _waiting;
    private bool _completed;

    private LaneThread()
    {
    }

    /// <summary>Starts a thread named <paramref name="name"/> that runs <paramref name="lane"/> and every continuation of it.</summary>
    /// <returns>The lane's task; the thread ends after it completes.</returns>
    public static Task Run(string name, Func<Task> lane)
    {
        var context = new LaneThread();
        var started = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Post(_ => started.SetResult(lane()), null);
        new Thread(context.Loop) { IsBackground = true, Name = name }.Start();
        return CompleteAfterAsync(context, started.Task);
    }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            _queue.Enqueue((d, state));
            if (_waiting)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("A lane thread only takes posted work.");

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    private static async Task CompleteAfterAsync(LaneThread context, Task<Task> started)
    {
        try
        {
            await (await started.ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            context.Complete();
        }
    }

    private void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.Pulse(_gate);
        }
    }

    private void Loop()
    {
        SetSynchronizationContext(this);
        while (true)
        {
            (SendOrPostCallback Callback, object? State) work;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_completed)
                {
                    _waiting = true;
                    Monitor.Wait(_gate);
                    _waiting = false;
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                work = _queue.Dequeue();
            }

            work.Callback(work.State);
        }
    }
}
