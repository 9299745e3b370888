namespace DhcpCluster.Actors;

/// <summary>Applies the directive to all children when one fails (restart or stop all).</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a retry limit inside a time window.</summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy without retry limit.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : base(-1, null, decider, loggingEnabled: true)
    {
    }

    internal override void ProcessRestart(ActorCell supervisor, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> all, Exception cause)
    {
        var allowed = true;
        foreach (var stats in all)
        {
            allowed &= stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange);
        }

        foreach (var stats in all)
        {
            if (stats.Stopping)
            {
                continue;
            }

            if (allowed)
            {
                ActorCell.RestartChild(stats, cause);
            }
            else
            {
                supervisor.StopChild(stats);
            }
        }
    }

    internal override void ProcessStop(ActorCell supervisor, ChildRestartStats failed, IReadOnlyList<ChildRestartStats> all)
    {
        foreach (var stats in all)
        {
            supervisor.StopChild(stats);
        }
    }
}
