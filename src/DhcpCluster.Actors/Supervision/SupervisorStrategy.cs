namespace DhcpCluster.Actors;

/// <summary>How a parent handles the failures of its children (Akka's <c>SupervisorStrategy</c>).</summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (withinTimeRange is { } window && window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), window, "The retry window must be positive (null for none).");
        }

        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Stops on initialization failure, kill and death pact; restarts on any other exception.</summary>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>The default strategy: one-for-one, no retry limit, <see cref="DefaultDecider"/>.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops every failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Restarts allowed inside the window (-1: unlimited).</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The retry window (null: none).</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Maps an exception to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>When true, failures are logged (error for restart/stop, warning for resume).</summary>
    public bool LoggingEnabled { get; }

    /// <summary>Decides what to do with a failure.</summary>
    public Directive Decide(Exception cause) => Decider(cause);

    internal abstract void ProcessRestart(ActorCell supervisor, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> all, Exception cause);

    internal abstract void ProcessStop(ActorCell supervisor, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> all);
}
