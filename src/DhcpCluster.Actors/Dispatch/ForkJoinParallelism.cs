namespace DhcpCluster.Actors;

/// <summary>
/// Thread count of a <c>fork-join-executor</c> (Akka's <c>parallelism-min</c>, <c>parallelism-factor</c>,
/// <c>parallelism-max</c>): processors × factor rounded up, kept within [min, max].
/// </summary>
public sealed record ForkJoinParallelism(int Min, double Factor, int Max)
{
    /// <summary>Akka's defaults: 8, 1.0, 64.</summary>
    public static ForkJoinParallelism Default { get; } = new(8, 1.0, 64);

    /// <summary>The threads to start on a machine with <paramref name="processors"/> processors.</summary>
    public int ThreadCount(int processors) => Math.Clamp((int)Math.Ceiling(processors * Factor), Min, Max);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ActorsException">When one is out of range.</exception>
    public void Validate(string dispatcherId)
    {
        if (Min < 1 || Max < Min)
        {
            throw new ActorsException($"dhcp-cluster.actor.{dispatcherId}.fork-join-executor: parallelism-min must be at least 1 and parallelism-max at least parallelism-min, got {Min} and {Max}.");
        }

        if (!double.IsFinite(Factor) || Factor <= 0)
        {
            throw new ActorsException($"dhcp-cluster.actor.{dispatcherId}.fork-join-executor.parallelism-factor must be positive, got {Factor}.");
        }
    }
}
