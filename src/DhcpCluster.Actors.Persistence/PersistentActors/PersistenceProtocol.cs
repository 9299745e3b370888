using DhcpCluster.Actors.Persistence.Snapshots;

namespace DhcpCluster.Actors.Persistence.PersistentActors;

/// <summary>
/// Messages a <see cref="ReceivePersistentActor"/> receives from its persistence (Akka's names). Bring them into
/// scope with <c>using static DhcpCluster.Actors.Persistence.PersistentActors.PersistenceProtocol;</c>.
/// </summary>
public static class PersistenceProtocol
{
    /// <summary>Offered to the recover handlers first when recovery starts from a snapshot.</summary>
    /// <param name="Metadata">Which snapshot.</param>
    /// <param name="Snapshot">The state.</param>
    public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);

    /// <summary>Given to the recover handlers when recovery is done (commands flow after it).</summary>
    public sealed record RecoveryCompleted
    {
        private RecoveryCompleted()
        {
        }

        /// <summary>The instance.</summary>
        public static RecoveryCompleted Instance { get; } = new();
    }

    /// <summary>A <c>SaveSnapshot</c> was stored (delivered as a command).</summary>
    /// <param name="Metadata">Which snapshot.</param>
    public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

    /// <summary>A <c>SaveSnapshot</c> failed (delivered as a command).</summary>
    /// <param name="Metadata">Which snapshot.</param>
    /// <param name="Cause">Why.</param>
    public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

    /// <summary>A <c>DeleteMessages</c> was done (delivered as a command).</summary>
    /// <param name="ToSequenceNr">Events up to this one are deleted.</param>
    public sealed record DeleteMessagesSuccess(long ToSequenceNr);

    /// <summary>A <c>DeleteMessages</c> failed (delivered as a command).</summary>
    /// <param name="Cause">Why.</param>
    /// <param name="ToSequenceNr">The requested bound.</param>
    public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);
}
