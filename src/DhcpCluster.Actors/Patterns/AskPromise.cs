namespace DhcpCluster.Actors;

/// <summary>The promise of one <c>Ask&lt;T&gt;</c>.</summary>
internal sealed class AskPromise<T> : PromiseActorRef
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan? _timeout;
    private Timer? _timer;
    private CancellationTokenRegistration _registration;

    public AskPromise(ActorSystemImpl system, IActorRef target, TimeSpan? timeout)
        : base(system, target)
    {
        _timeout = timeout;
    }

    public Task<T> Task => _completion.Task;

    public override bool IsTerminated => _completion.Task.IsCompleted;

    public void Start(object message, CancellationToken cancellationToken) => StartWith(cancellationToken, () => Target.Tell(message, this));

    public void StartWith(CancellationToken cancellationToken, Action send)
    {
        if (_timeout is { } timeout)
        {
            _timer = new Timer(static s => ((AskPromise<T>)s!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static (s, token) => ((AskPromise<T>)s!).OnCancelled(token), this);
        }

        send();
    }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completed = message switch
        {
            T result => _completion.TrySetResult(result),
            Status.Failure failure => _completion.TrySetException(failure.Cause),
            _ => _completion.TrySetException(new InvalidCastException(
                $"Ask of {Target.Path} expected a reply of type {typeof(T).Name} but got {message.GetType().Name}: {message}")),
        };
        if (completed)
        {
            Cleanup();
        }
    }

    public override void FailRecipientGone(IActorRef recipient)
    {
        if (!_completion.Task.IsCompleted && _completion.TrySetException(new AskTimeoutException(
            $"Ask of {Target.Path} failed: the recipient {recipient.Path} terminated before replying (the message became a dead letter).")))
        {
            Cleanup();
        }
    }

    private void OnTimeout()
    {
        if (_completion.TrySetException(new AskTimeoutException($"Ask of {Target.Path} timed out after {_timeout!.Value.TotalMilliseconds:0} ms without a reply.")))
        {
            Cleanup();
        }
    }

    private void OnCancelled(CancellationToken token)
    {
        if (_completion.TrySetCanceled(token))
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _registration.Dispose();
        Unregister();
    }
}
