namespace DhcpCluster.Actors;

/// <summary>The promise of a <c>GracefulStop</c>: completes when the watched target terminates.</summary>
internal sealed class GracefulStopPromise : PromiseActorRef
{
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Timer? _timer;

    public GracefulStopPromise(ActorSystemImpl system, IActorRef target)
        : base(system, target)
    {
    }

    public Task<bool> Task => _completion.Task;

    public override bool IsTerminated => _completion.Task.IsCompleted;

    public void Start(object stopMessage, TimeSpan timeout)
    {
        _timer = new Timer(static s => ((GracefulStopPromise)s!).Finish(false), this, timeout, Timeout.InfiniteTimeSpan);
        var target = (InternalActorRef)Target;
        target.SendSystemMessage(new Watch(target, this));
        target.Tell(stopMessage, null);
    }

    public override void Tell(object message, IActorRef? sender)
    {
        // Replies to a graceful stop are ignored; only the termination counts.
    }

    public override void FailRecipientGone(IActorRef recipient)
    {
        // The stop message reached a terminated actor: the watch answers at once.
    }

    protected override void OnWatchedTerminated(IActorRef actor) => Finish(true);

    private void Finish(bool stopped)
    {
        if (_completion.TrySetResult(stopped))
        {
            _timer?.Dispose();
            if (!stopped)
            {
                var target = (InternalActorRef)Target;
                target.SendSystemMessage(new Unwatch(target, this));
            }

            Unregister();
        }
    }
}
