namespace DhcpCluster.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or in
/// <c>Become</c>): the first handler whose type (and predicate) matches handles the message.
/// Matching tests the types in order and allocates nothing.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private List<MessageHandler>? _building = [];
    private HandlerSet? _initial;

    /// <inheritdoc/>
    protected sealed override bool Receive(object message) => (_initial ??= Seal()).Handle(message);

    internal override Receive? InitialBehavior()
    {
        _initial ??= Seal();
        return base.InitialBehavior();
    }

    private HandlerSet Seal()
    {
        var set = new HandlerSet([.. _building ?? []]);
        _building = null;
        return set;
    }

    private List<MessageHandler> Building => _building
        ?? throw new ActorUsageException("Receive handlers can only be registered in the constructor or inside Become(...)/BecomeStacked(...).");

    /// <summary>Handles messages of type <typeparamref name="T"/> (matching the predicate when given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building.Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> matching the predicate.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which the handler returns true.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building.Add(new FuncHandler<T>(handler));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: no other message is handled
    /// until the task completes; code after each await runs inside the actor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building.Add(new AsyncHandler<T>(this, handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> matching the predicate, asynchronously.</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ReceiveAsync(handler, shouldHandle);
    }

    /// <summary>Handles any message (register it last).</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building.Add(new ActionHandler<object>(handler, null));
    }

    /// <summary>Handles any message asynchronously (register it last).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building.Add(new AsyncHandler<object>(this, handler, null));
    }

    /// <summary>Replaces the behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(Build(configure).Handle);

    /// <summary>Pushes the behaviour <paramref name="configure"/> registers (undo with <c>UnbecomeStacked</c>).</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure).Handle);

    private HandlerSet Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var saved = _building;
        _building = [];
        try
        {
            configure();
            return new HandlerSet([.. _building]);
        }
        finally
        {
            _building = saved;
        }
    }

    internal void RunHandlerTask(Func<Task> start) => RunTask(start);

    private sealed class HandlerSet
    {
        private readonly MessageHandler[] _handlers;

        public HandlerSet(MessageHandler[] handlers) => _handlers = handlers;

        public bool Handle(object message)
        {
            var handlers = _handlers;
            for (var i = 0; i < handlers.Length; i++)
            {
                if (handlers[i].TryHandle(message))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private abstract class MessageHandler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? predicate) : MessageHandler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> handler) : MessageHandler
    {
        public override bool TryHandle(object message) => message is T typed && handler(typed);
    }

    private sealed class AsyncHandler<T>(ReceiveActor actor, Func<T, Task> handler, Predicate<T>? predicate) : MessageHandler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                actor.RunHandlerTask(() => handler(typed));
                return true;
            }

            return false;
        }
    }
}
