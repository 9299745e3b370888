namespace DhcpCluster.Actors;

/// <summary>The children of one actor, by name; guarded by locking the container itself.</summary>
internal sealed class ChildrenContainer
{
    public readonly Dictionary<string, ChildRestartStats> ByName = new(StringComparer.Ordinal);
    public long NameCounter;

    /// <summary>Children asked to stop and not yet terminated.</summary>
    public int StoppingCount;

    /// <summary>Marks a child as stopping (caller holds the lock).</summary>
    public void MarkStopping(ChildRestartStats stats)
    {
        if (!stats.Stopping)
        {
            stats.Stopping = true;
            StoppingCount++;
        }
    }
}
