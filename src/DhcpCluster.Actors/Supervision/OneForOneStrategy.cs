namespace DhcpCluster.Actors;

/// <summary>Applies the directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a retry limit inside a time window.</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy without retry limit.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : base(-1, null, decider, loggingEnabled: true)
    {
    }

    internal override void ProcessRestart(ActorCell supervisor, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> all, Exception cause)
    {
        if (failed.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange))
        {
            ActorCell.RestartChild(failed, cause);
        }
        else
        {
            supervisor.StopChild(failed);
        }
    }

    internal override void ProcessStop(ActorCell supervisor, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> all) => supervisor.StopChild(failed);
}
