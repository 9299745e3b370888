using System.Collections.Concurrent;
using System.Reflection;

namespace DhcpCluster.Actors;

/// <summary>
/// Base of every actor. Instances are created by the runtime from <see cref="Props"/> (never with
/// <c>new</c> outside a props factory); one message at a time is handled, so actor state needs no locks.
/// </summary>
public abstract class ActorBase
{
    private ActorCell? _cell;

    /// <summary>Binds the instance to the cell creating it.</summary>
    /// <exception cref="ActorUsageException">When created outside <c>ActorOf</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new ActorUsageException($"Actor {GetType().Name} must be created through ActorOf(Props), not with 'new'.");
    }

    internal ActorCell? CellOrNull => _cell;

    internal ActorCell Cell => _cell ?? throw new ActorUsageException($"Actor {GetType().Name} is no longer running (stopped or restarted).");

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => Cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => Cell.Self;

    /// <summary>The sender of the current message (dead letters when none).</summary>
    protected IActorRef Sender => Cell.Sender;

    /// <summary>The behaviour used when the actor starts.</summary>
    protected abstract bool Receive(object message);

    /// <summary>
    /// The behaviour the actor starts with; null: <see cref="Receive"/> itself, called directly, so an actor costs no
    /// delegate (~64 B for its life). Only an actor that overrides <see cref="AroundReceive"/> is given one, since that
    /// hook takes the behaviour as a delegate.
    /// </summary>
    internal virtual Receive? InitialBehavior() => OverridesAroundReceive(GetType()) ? Receive : null;

    /// <summary>Calls <see cref="Receive"/> (the behaviour when the cell holds none).</summary>
    internal bool ReceiveDirectly(object message) => Receive(message);

    private static readonly ConcurrentDictionary<Type, bool> AroundReceiveOverriders = new();

    private static bool OverridesAroundReceive(Type type) =>
        AroundReceiveOverriders.GetOrAdd(
            type,
            static t => t.GetMethod(nameof(AroundReceive), BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(Receive), typeof(object)])?.DeclaringType != typeof(ActorBase));

    internal SupervisorStrategy SupervisorStrategyInternal => Cell.Props.SupervisorStrategy ?? SupervisorStrategy();

    /// <summary>The strategy for this actor's children (default: <see cref="SupervisorStrategy.DefaultStrategy"/>).</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>Called before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor stopped (children are already stopped).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance before a restart: by default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the new instance after a restart: by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Called for messages no behaviour handled: publishes <see cref="UnhandledMessage"/> (throws <see cref="DeathPactException"/> for Terminated).</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException($"Monitored actor [{terminated.ActorRef}] terminated and {Self} did not handle Terminated.") { DeadActor = terminated.ActorRef };
        }

        Cell.SystemImpl.PublishUnhandled(message, Cell.CurrentSenderOrNull, Self);
    }

    internal void UnhandledMessage(object message) => Unhandled(message);

    /// <summary>Replaces the behaviour.</summary>
    protected void Become(Receive receive) => Cell.Become(receive);

    /// <summary>Pushes a behaviour.</summary>
    protected void BecomeStacked(Receive receive) => Cell.BecomeStacked(receive);

    /// <summary>Pops a stacked behaviour.</summary>
    protected void UnbecomeStacked() => Cell.UnbecomeStacked();

    /// <summary>Hook around every message (persistence and instrumentation override it).</summary>
    protected internal virtual bool AroundReceive(Receive receive, object message)
    {
        ArgumentNullException.ThrowIfNull(receive);
        return receive(message);
    }

    /// <summary>Hook around <see cref="PreStart"/>.</summary>
    protected internal virtual void AroundPreStart() => PreStart();

    /// <summary>Hook around <see cref="PostStop"/>.</summary>
    protected internal virtual void AroundPostStop() => PostStop();

    /// <summary>Hook around <see cref="PreRestart"/>.</summary>
    protected internal virtual void AroundPreRestart(Exception cause, object? message) => PreRestart(cause, message);

    /// <summary>Hook around <see cref="PostRestart"/>.</summary>
    protected internal virtual void AroundPostRestart(Exception cause, object? message) => PostRestart(cause);

    /// <summary>
    /// Runs an async operation inside the actor: no other normal message is handled until its task
    /// completes, and its continuations run inside the actor (Akka's <c>RunTask</c>).
    /// A fault fails the actor as a thrown exception would.
    /// </summary>
    protected void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Cell.RunTask(action);
    }

    internal void Detach() => _cell = null;
}
