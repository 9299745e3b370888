namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// The phi-accrual failure detector (Hayashibara et al.) for one monitored node. It keeps the recent
/// heartbeat inter-arrival times and computes phi = -log10(P(a heartbeat arrives later than now)), under a
/// normal distribution whose mean is the mean interval plus the acceptable pause and whose standard
/// deviation is at least the configured minimum. The node is available while phi stays below the threshold.
/// Not thread-safe: owned by one actor.
/// </summary>
public sealed class PhiAccrualFailureDetector
{
    private readonly FailureDetectorSettings _settings;
    private readonly double[] _intervals;
    private int _count;
    private int _next;
    private double _sum;
    private double _squaredSum;
    private double? _lastHeartbeatMs;

    /// <summary>Creates a detector that has not seen any heartbeat (it reports available until the first one).</summary>
    public PhiAccrualFailureDetector(FailureDetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _intervals = new double[Math.Max(2, settings.MaxSampleSize)];
    }

    /// <summary>True once a heartbeat has been recorded.</summary>
    public bool IsMonitoring => _lastHeartbeatMs is not null;

    /// <summary>Records a heartbeat arrival at <paramref name="nowMs"/> (milliseconds of a monotonic clock).</summary>
    public void Heartbeat(double nowMs)
    {
        if (_lastHeartbeatMs is not { } last)
        {
            // First heartbeat: seed the history with the expected interval (mean = heartbeat interval, std dev = mean / 4).
            var mean = _settings.HeartbeatInterval.TotalMilliseconds;
            var deviation = mean / 4;
            Add(mean - deviation);
            Add(mean + deviation);
        }
        else
        {
            var interval = nowMs - last;
            if (interval >= 0)
            {
                Add(interval);
            }
        }

        _lastHeartbeatMs = nowMs;
    }

    /// <summary>Phi at <paramref name="nowMs"/> (0 before the first heartbeat).</summary>
    public double Phi(double nowMs)
    {
        if (_lastHeartbeatMs is not { } last)
        {
            return 0;
        }

        var mean = (_sum / _count) + _settings.AcceptableHeartbeatPause.TotalMilliseconds;
        var variance = (_squaredSum / _count) - ((_sum / _count) * (_sum / _count));
        var deviation = Math.Max(Math.Sqrt(Math.Max(variance, 0)), _settings.MinStdDeviation.TotalMilliseconds);
        return Phi(nowMs - last, mean, deviation);
    }

    /// <summary>True while phi is below the threshold.</summary>
    public bool IsAvailable(double nowMs) => Phi(nowMs) < _settings.Threshold;

    /// <summary>
    /// Phi of a delay under a normal distribution, with the logistic approximation of its cumulative
    /// distribution function (accurate to about 1e-4 and cheap).
    /// </summary>
    public static double Phi(double timeDiff, double mean, double stdDeviation)
    {
        var y = (timeDiff - mean) / stdDeviation;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return timeDiff > mean ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }

    private void Add(double interval)
    {
        if (_count == _intervals.Length)
        {
            var dropped = _intervals[_next];
            _sum -= dropped;
            _squaredSum -= dropped * dropped;
        }
        else
        {
            _count++;
        }

        _intervals[_next] = interval;
        _next = (_next + 1) % _intervals.Length;
        _sum += interval;
        _squaredSum += interval * interval;
    }
}
