using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>
/// State most actors never need (watching, behaviour stack, receive timeout, async handler state,
/// stash, logger), allocated on first use so an idle actor stays small. It is also the cell's receive-timeout
/// deadline on the scheduler's wheel (re-armed, never reallocated; a deadline object of its own cost ~64 B an actor).
/// </summary>
internal sealed class CellExtras(ActorCell cell) : Deadline
{
    /// <summary>Behaviours under the current one (null entries: the actor's own <c>Receive</c>).</summary>
    public List<Receive?>? BehaviorStack;

    /// <summary>Actors this actor watches, with the message to deliver instead of <see cref="Terminated"/> (WatchWith).</summary>
    public Dictionary<IActorRef, object?>? Watching;

    /// <summary>Terminations already queued to the mailbox and not yet delivered.</summary>
    public HashSet<IActorRef>? TerminatedQueued;

    /// <summary>The first actor watching this actor (the others are in <see cref="WatchedBy"/>).</summary>
    public InternalActorRef? WatchedByOne;

    /// <summary>Watchers beyond <see cref="WatchedByOne"/>: most actors have one watcher (their parent) or none, and a set of one cost ~200 B an actor.</summary>
    public HashSet<InternalActorRef>? WatchedBy;

    public TimeSpan? ReceiveTimeout;
    public long LastActivity;

    public ActorSynchronizationContext? SynchronizationContext;
    public int AsyncGeneration;
    public object? AsyncMessage;
    public IActorRef? AsyncSender;
    public long AsyncCreatedUtcTicks;

    public LinkedList<Envelope>? Stash;

    /// <summary>The invocation whose message was stashed last (a message is stashed at most once).</summary>
    public long LastStashedInvocation = -1;

    public ILogger? Logger;

    /// <summary>Set while a restart waits for the children stopped in PreRestart to terminate.</summary>
    public Exception? PendingRecreateCause;

    /// <summary>The message being processed when the actor failed (given to PreRestart).</summary>
    public object? FailedMessage;

    protected override void Expired(long token) => cell.OnReceiveTimeoutExpired(this);
}
