namespace DhcpCluster.Actors.Remote.Benchmarks;

/// <summary>A mutable box shared with the counting actor.</summary>
public sealed class StrongBox<T>
{
    public T Value = default!;
}
