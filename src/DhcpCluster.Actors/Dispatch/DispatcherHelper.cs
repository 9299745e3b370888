namespace DhcpCluster.Actors;

/// <summary>
/// Lets a thread that is not a dispatcher's own (a socket's receive loop) run the actor turns it causes, instead of
/// waking a dispatcher thread for each: between <see cref="Begin"/> and <see cref="RunPending"/> the messages it sends
/// to actors of the dispatcher only queue their mailboxes, and <see cref="RunPending"/> runs those turns (and the
/// turns they cause on the same dispatcher) on the calling thread. A mailbox still runs on one thread at a time. On a
/// dispatcher without dedicated threads both calls do nothing and messages are scheduled as usual. One helper
/// belongs to one thread; the actors it runs must not block (as on any dispatcher thread).
/// </summary>
public sealed class DispatcherHelper
{
    private readonly ForkJoinExecutor.HelperQueue? _queue;

    internal DispatcherHelper(ForkJoinExecutor? executor) => _queue = executor?.CreateHelper();

    /// <summary>Starts queueing the turns this thread causes.</summary>
    public void Begin() => _queue?.Begin();

    /// <summary>Runs the queued turns until none is left, on this thread; then messages are scheduled as usual again.</summary>
    public void RunPending() => _queue?.RunPending();
}
