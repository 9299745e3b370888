using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Serialization;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>An atomic write serialized by its caller and waiting in the group-commit queue.</summary>
/// <remarks>
/// Completion goes either to a task (callers that await) or, when <see cref="Callback"/> is set, straight to the
/// callback on the writer lane (persistent actors: the callback only posts a message to the actor, so the lane
/// is not held up and one thread hop is saved).
/// </remarks>
internal sealed class PendingWrite(AtomicWrite write, SerializedPayload[] payloads, string?[] tagTexts, Guid writerId, long timestamp)
{
    private TaskCompletionSource? _completion;

    public AtomicWrite Write { get; } = write;

    /// <summary>One per event of <see cref="Write"/>.</summary>
    public SerializedPayload[] Payloads { get; } = payloads;

    /// <summary>The tags of each event joined with ';' (null when none), for the journal's tags column.</summary>
    public string?[] TagTexts { get; } = tagTexts;

    public Guid WriterId { get; } = writerId;

    /// <summary>Unix milliseconds.</summary>
    public long Timestamp { get; } = timestamp;

    /// <summary>Completes when the write is committed (rejected/failed: faults). Create before queueing.</summary>
    public Task Completion => (_completion ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Called on the writer lane with null (committed) or the error, instead of completing a task.</summary>
    public Action<PendingWrite, Exception?>? Callback { get; init; }

    /// <summary>The dispatcher of the actor <see cref="Callback"/> posts to: the lane runs that actor's turn itself when the dispatcher has dedicated threads.</summary>
    public Dispatcher? CompletionDispatcher { get; init; }

    /// <summary>Caller state for <see cref="Callback"/>.</summary>
    public object? State { get; init; }

    /// <summary>The next write of the same group: a group is committed in one transaction, in order, and a rejected write rejects the rest of its group.</summary>
    public PendingWrite? NextInGroup { get; set; }

    /// <summary>Set when a write of this write's group was rejected.</summary>
    public WriteGroup? Group { get; set; }

    public void Succeed()
    {
        if (Callback is { } callback)
        {
            callback(this, null);
        }
        else
        {
            _completion?.TrySetResult();
        }
    }

    public void Fail(Exception error)
    {
        if (Callback is { } callback)
        {
            callback(this, error);
        }
        else
        {
            _completion?.TrySetException(error);
        }
    }
}
