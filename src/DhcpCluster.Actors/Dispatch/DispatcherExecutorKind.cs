namespace DhcpCluster.Actors;

/// <summary>Where a dispatcher runs its actors (Akka's <c>executor</c> setting).</summary>
public enum DispatcherExecutorKind
{
    /// <summary><c>default-executor</c>: the .NET thread pool.</summary>
    DefaultExecutor,

    /// <summary><c>thread-pool-executor</c>: the .NET thread pool.</summary>
    ThreadPoolExecutor,

    /// <summary><c>fork-join-executor</c>: threads of the dispatcher's own (<see cref="ForkJoinParallelism"/>).</summary>
    ForkJoinExecutor,
}
