namespace DhcpCluster.Actors;

/// <summary>Per-child supervision bookkeeping: the restart count inside the current window.</summary>
public sealed class ChildRestartStats
{
    internal ChildRestartStats() { }

    /// <summary>The child (null while its name is reserved but the cell not yet built).</summary>
    internal LocalActorRef? Child { get; set; }

    /// <summary>The child reference.</summary>
    public IActorRef? ChildRef => Child;

    /// <summary>True once the child was asked to stop.</summary>
    internal bool Stopping { get; set; }

    /// <summary>Restarts counted in the current window.</summary>
    public int RetriesInWindow { get; private set; }

    private long _windowStart;

    /// <summary>
    /// Akka's rule: no limit when <paramref name="maxNrOfRetries"/> is negative and no window is set;
    /// otherwise at most that many restarts inside the window (a restart outside it starts a new window).
    /// </summary>
    internal bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (maxNrOfRetries < 0 && withinTimeRange is null)
        {
            return true;
        }

        if (withinTimeRange is null)
        {
            RetriesInWindow++;
            return RetriesInWindow <= maxNrOfRetries;
        }

        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = Environment.TickCount64;
        if (_windowStart == 0)
        {
            _windowStart = now;
        }

        if (now - _windowStart <= (long)withinTimeRange.Value.TotalMilliseconds)
        {
            RetriesInWindow++;
            return RetriesInWindow <= retries;
        }

        RetriesInWindow = 1;
        _windowStart = now;
        return true;
    }
}
