namespace DhcpCluster.Actors;

/// <summary>
/// The runtime's settings (read from <c>dhcp-cluster.actor.*</c>, <c>dhcp-cluster.coordinated-shutdown.*</c>
/// and <c>dhcp-cluster.log-dead-letters*</c>); defaults mirror Akka's reference configuration.
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>Messages an actor handles per turn on a thread before yielding (Akka's default-dispatcher.throughput).</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Default timeout of <c>Ask</c> when none is given (null: infinite, Akka's default).</summary>
    public TimeSpan? AskTimeout { get; init; }

    /// <summary>Capacity of "bounded-mailbox" (Akka's mailbox-capacity).</summary>
    public int BoundedMailboxCapacity { get; init; } = 1000;

    /// <summary>How many dead letters are logged (0: none; int.MaxValue: all).</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>Whether dead letters are logged while the system shuts down.</summary>
    public bool LogDeadLettersDuringShutdown { get; init; }

    /// <summary>Whether unhandled messages are logged at debug level.</summary>
    public bool DebugUnhandled { get; init; }

    /// <summary>Strategy of the user guardian for top-level actors (null: the default strategy).</summary>
    public SupervisorStrategy? GuardianSupervisorStrategy { get; init; }

    /// <summary>Coordinated shutdown settings.</summary>
    public CoordinatedShutdownSettings CoordinatedShutdown { get; init; } = new();

    /// <summary>Executor of the default dispatcher (Akka's default-dispatcher.executor; default-executor: the .NET thread pool).</summary>
    public DispatcherExecutorKind DefaultDispatcherExecutor { get; init; } = DispatcherExecutorKind.DefaultExecutor;

    /// <summary>Thread count of the default dispatcher when its executor is the fork-join executor.</summary>
    public ForkJoinParallelism DefaultDispatcherParallelism { get; init; } = ForkJoinParallelism.Default;

    /// <summary>The other dispatchers by id (<c>dhcp-cluster.actor.&lt;id&gt;</c> sections with <c>type = Dispatcher</c>).</summary>
    public IReadOnlyDictionary<string, DispatcherSettings> Dispatchers { get; init; } = new Dictionary<string, DispatcherSettings>(StringComparer.Ordinal);

    /// <summary>Extra bounded mailboxes by id (capacity each; 0 = unbounded).</summary>
    public IReadOnlyDictionary<string, int> Mailboxes { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ActorsException">When one is out of range.</exception>
    public void Validate()
    {
        if (Throughput < 1)
        {
            throw new ActorsException($"dhcp-cluster.actor.default-dispatcher.throughput must be at least 1, got {Throughput}.");
        }

        if (BoundedMailboxCapacity < 1)
        {
            throw new ActorsException($"dhcp-cluster.actor.bounded-mailbox.mailbox-capacity must be at least 1, got {BoundedMailboxCapacity}.");
        }

        if (AskTimeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ActorsException($"dhcp-cluster.actor.ask-timeout must be positive or infinite, got {t}.");
        }

        if (LogDeadLetters < 0)
        {
            throw new ActorsException($"dhcp-cluster.log-dead-letters must not be negative, got {LogDeadLetters}.");
        }

        DefaultDispatcherParallelism.Validate(Props.DefaultDispatcherId);
        foreach (var dispatcher in Dispatchers.Values)
        {
            dispatcher.Validate();
        }

        CoordinatedShutdown.Validate();
    }
}
