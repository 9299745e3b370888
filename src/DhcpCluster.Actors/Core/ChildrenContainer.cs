namespace DhcpCluster.Actors;

/// <summary>The children of one actor, by name; guarded by locking the container itself.</summary>
internal sealed class ChildrenContainer
{
    public readonly Dictionary<string, ChildRestartStats> ByName = new(StringComparer.Ordinal);
    public long NameCounter;
}
