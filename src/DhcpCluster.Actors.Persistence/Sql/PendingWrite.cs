using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Serialization;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>An atomic write serialized by its caller and waiting in the group-commit queue.</summary>
internal sealed class PendingWrite(AtomicWrite write, SerializedPayload[] payloads, string?[] tagTexts, Guid writerId, long timestamp)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AtomicWrite Write { get; } = write;

    /// <summary>One per event of <see cref="Write"/>.</summary>
    public SerializedPayload[] Payloads { get; } = payloads;

    /// <summary>The tags of each event joined with ';' (null when none), for the journal's tags column.</summary>
    public string?[] TagTexts { get; } = tagTexts;

    public Guid WriterId { get; } = writerId;

    /// <summary>Unix milliseconds.</summary>
    public long Timestamp { get; } = timestamp;

    public Task Completion => _completion.Task;

    /// <summary>The next write of the same group: a group is committed in one transaction, in order, and a rejected write rejects the rest of its group.</summary>
    public PendingWrite? NextInGroup { get; set; }

    /// <summary>Set when a write of this write's group was rejected.</summary>
    public WriteGroup? Group { get; set; }

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception error) => _completion.TrySetException(error);
}
