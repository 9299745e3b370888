namespace DhcpCluster.Actors.Persistence.Benchmarks;

/// <summary>Completes a task when signalled <c>count</c> times.</summary>
internal sealed class Countdown(int count)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _left = count;

    public Task Done => _done.Task;

    public void Signal()
    {
        if (Interlocked.Decrement(ref _left) == 0)
        {
            _done.TrySetResult();
        }
    }
}
