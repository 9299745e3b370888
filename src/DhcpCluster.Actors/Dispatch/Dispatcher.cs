namespace DhcpCluster.Actors;

/// <summary>
/// A dispatcher: where its actors run (the .NET thread pool, or the dedicated threads of a fork-join executor,
/// started when its first actor is scheduled) and how many messages an actor handles per turn.
/// </summary>
public sealed class Dispatcher
{
    internal Dispatcher(DispatcherSettings settings)
    {
        Settings = settings;
        if (settings.Executor == DispatcherExecutorKind.ForkJoinExecutor)
        {
            Executor = new ForkJoinExecutor(settings.Id, settings.Parallelism.ThreadCount(Environment.ProcessorCount));
        }
    }

    /// <summary>The dispatcher's id (its configuration section under <c>dhcp-cluster.actor</c>).</summary>
    public string Id => Settings.Id;

    /// <summary>Messages an actor handles per turn before its thread moves on.</summary>
    public int Throughput => Settings.Throughput;

    /// <summary>Its configuration.</summary>
    public DispatcherSettings Settings { get; }

    /// <summary>The dedicated executor, or null when the actors run on the .NET thread pool.</summary>
    internal ForkJoinExecutor? Executor { get; }

    /// <summary>Threads of the dedicated executor (0 on the thread pool).</summary>
    public int Threads => Executor?.ThreadCount ?? 0;

    /// <summary>A helper for a thread of the caller's own that runs the turns it causes itself (see <see cref="DispatcherHelper"/>).</summary>
    public DispatcherHelper CreateHelper() => new(Executor);

    /// <summary>Stops the dedicated threads (work scheduled afterwards runs on the thread pool).</summary>
    internal void Shutdown() => Executor?.Shutdown();
}
