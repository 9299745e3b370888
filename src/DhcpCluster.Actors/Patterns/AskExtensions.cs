namespace DhcpCluster.Actors;

/// <summary>Request-response and lifecycle patterns: Ask, PipeTo, GracefulStop.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends a message and returns the first reply as <typeparamref name="T"/>. Fails with
    /// <see cref="AskTimeoutException"/> after <paramref name="timeout"/> (default: <c>dhcp-cluster.actor.ask-timeout</c>),
    /// at once when the target is a local actor already terminated, and as soon as the message becomes a
    /// dead letter because the target stopped; with <see cref="Status.Failure"/> replies it fails with its cause;
    /// a cancelled token cancels the task. Nothing stays registered once the task completes.
    /// </summary>
    public static Task<T> Ask<T>(this ICanTell target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var system = SystemOf(target);
        if (target is InternalActorRef { IsTerminated: true } dead && dead is not EmptyLocalActorRef)
        {
            return Task.FromException<T>(new AskTimeoutException($"Ask of {dead.Path} failed: the recipient had already been terminated."));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var effective = timeout ?? system.Settings.AskTimeout;
        if (effective is { } t && (t == Timeout.InfiniteTimeSpan))
        {
            effective = null;
        }
        else if (effective is { } positive && positive <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), positive, "The ask timeout must be positive (or infinite).");
        }

        var promise = new AskPromise<T>(system, target as IActorRef ?? system.DeadLetters, effective);
        if (target is ActorSelection selection)
        {
            promise.StartSelection(selection, message, cancellationToken);
        }
        else
        {
            promise.Start(message, cancellationToken);
        }

        return promise.Task;
    }

    /// <summary>Ask with a reply of any type.</summary>
    public static Task<object> Ask(this ICanTell target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Ask<object>(target, message, timeout, cancellationToken);

    /// <summary>Ask where the message needs the temporary reply-to ref (e.g. <c>r =&gt; new Get(key, r)</c>).</summary>
    public static Task<T> Ask<T>(this IActorRef target, Func<IActorRef, object> messageFactory, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageFactory);
        var system = SystemOf(target);
        var promise = new AskPromise<T>(system, target, timeout ?? system.Settings.AskTimeout);
        promise.Start(messageFactory(promise), cancellationToken);
        return promise.Task;
    }

    private static void StartSelection<T>(this AskPromise<T> promise, ActorSelection selection, object message, CancellationToken cancellationToken) =>
        promise.StartWith(cancellationToken, () => selection.Tell(message, promise));

    /// <summary>
    /// Sends the task's result to <paramref name="recipient"/> when it completes, or a
    /// <see cref="Status.Failure"/> with its exception. Never blocks the actor.
    /// </summary>
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null, Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        sender ??= ActorCell.CurrentSelfOrNoSender;
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    var result = success is null ? t.Result : success(t.Result);
                    if (result is not null)
                    {
                        recipient.Tell(result, sender);
                    }
                }
                else
                {
                    var exception = t.Exception?.InnerExceptions.Count == 1 ? t.Exception.InnerException! : (Exception?)t.Exception ?? new TaskCanceledException(t);
                    recipient.Tell(failure is null ? new Status.Failure(exception) : failure(exception), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Sends the completion of a task (a <see cref="Status.Success"/> or <see cref="Status.Failure"/>).</summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null, Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        sender ??= ActorCell.CurrentSelfOrNoSender;
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    recipient.Tell(success is null ? new Status.Success(null) : success(), sender);
                }
                else
                {
                    var exception = t.Exception?.InnerExceptions.Count == 1 ? t.Exception.InnerException! : (Exception?)t.Exception ?? new TaskCanceledException(t);
                    recipient.Tell(failure is null ? new Status.Failure(exception) : failure(exception), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Sends <paramref name="stopMessage"/> (default <see cref="PoisonPill"/>) and completes with true when
    /// the actor has terminated, false when it has not within <paramref name="timeout"/>.
    /// </summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        }

        if (target is not InternalActorRef)
        {
            throw new ArgumentException($"Cannot stop {target}: not an actor reference of this runtime.", nameof(target));
        }

        var promise = new GracefulStopPromise(SystemOf(target), target);
        promise.Start(stopMessage ?? PoisonPill.Instance, timeout);
        return promise.Task;
    }

    private static ActorSystemImpl SystemOf(ICanTell target) => (target switch
    {
        InternalActorRef r => r.SystemOrNull,
        ActorSelection { Anchor: InternalActorRef anchor } => anchor.SystemOrNull,
        _ => null,
    } ?? ActorCell.Current?.SystemImpl) as ActorSystemImpl
        ?? throw new InvalidOperationException($"Cannot ask {target}: no actor system found for it (ask from inside an actor or use a reference of a running system).");
}
