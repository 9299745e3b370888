namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>Writes queued together by one caller (one persistent actor's flush): committed in order in one transaction.</summary>
internal sealed class WriteGroup
{
    /// <summary>Why an earlier write of the group was rejected (later writes are rejected too, so a persistence id never gets a gap followed by more events from the same flush).</summary>
    public Exception? Rejection { get; set; }
}
