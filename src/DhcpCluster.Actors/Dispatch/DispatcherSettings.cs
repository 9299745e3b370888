namespace DhcpCluster.Actors;

/// <summary>
/// One dispatcher's configuration (a <c>dhcp-cluster.actor.&lt;id&gt;</c> section with <c>type = Dispatcher</c>):
/// its executor, messages per turn, and the thread count of a fork-join executor.
/// </summary>
public sealed record DispatcherSettings(string Id, int Throughput, DispatcherExecutorKind Executor, ForkJoinParallelism Parallelism)
{
    /// <summary>Checks the values.</summary>
    /// <exception cref="ActorsException">When one is out of range.</exception>
    public void Validate()
    {
        if (Throughput < 1)
        {
            throw new ActorsException($"dhcp-cluster.actor.{Id}.throughput must be at least 1, got {Throughput}.");
        }

        Parallelism.Validate(Id);
    }
}
