using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>
/// State most actors never need (watching, behaviour stack, receive timeout, async handler state,
/// stash, logger), allocated on first use so an idle actor stays small. The receive timeout and the first watcher,
/// which most actors that have any of this have, are kept by the cell itself.
/// </summary>
internal sealed class CellExtras
{
    /// <summary>Behaviours under the current one (null entries: the actor's own <c>Receive</c>).</summary>
    public List<Receive?>? BehaviorStack;

    /// <summary>Actors this actor watches, with the message to deliver instead of <see cref="Terminated"/> (WatchWith).</summary>
    public Dictionary<IActorRef, object?>? Watching;

    /// <summary>Terminations already queued to the mailbox and not yet delivered.</summary>
    public HashSet<IActorRef>? TerminatedQueued;

    /// <summary>Watchers beyond the cell's first one: most actors have one watcher (their parent) or none, and a set of one cost ~200 B an actor.</summary>
    public HashSet<InternalActorRef>? WatchedBy;

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
}
