namespace DhcpCluster.Server.Benchmarks.Measuring;

/// <summary>All runs of one rate step, and their medians.</summary>
internal sealed record RateStep(int OfferedRate, IReadOnlyList<RateRun> Runs)
{
    public double MedianDropsPercent => Median(Runs.Select(r => r.RequestAckDropsPercent));

    public double MedianAchievedRate => Median(Runs.Select(r => r.AchievedRate ?? 0));

    /// <summary>Spread of the achieved rate over the repeats (max − min).</summary>
    public double AchievedRateSpread => Runs.Max(r => r.AchievedRate ?? 0) - Runs.Min(r => r.AchievedRate ?? 0);

    public double MedianAverageDelayMs => Median(Runs.Select(r => r.AverageDelayMs));

    public double MedianDiscoverOfferDelayMs => Median(Runs.Select(r => r.DiscoverOfferAverageDelayMs));

    public double MedianMaxDelayMs => Median(Runs.Select(r => r.MaxDelayMs));

    public double MedianCpuPer10k => Median(Runs.Select(r => r.CpuSecondsPer10kLeases));

    public double? MedianEventsPerCommit => Runs.All(r => r.Journal is null) ? null : Median(Runs.Where(r => r.Journal is not null).Select(r => r.Journal!.EventsPerCommit));

    /// <summary>Median of the runs' average COMMIT milliseconds (NaN without a journal).</summary>
    public double MedianCommitMs => Median(Runs.Where(r => r.Journal is not null).Select(r => r.Journal!.CommitMs));

    /// <summary>Median of the runs' average transaction milliseconds, BEGIN to committed (NaN without a journal).</summary>
    public double MedianTransactionMs => Median(Runs.Where(r => r.Journal is not null).Select(r => r.Journal!.TransactionMs));

    /// <summary>Median milliseconds per second the server's garbage collector paused it (null for servers that do not say).</summary>
    public double? MedianGcPauseMsPerSecond => Runs.All(r => r.Runtime is null) ? null : Median(Runs.Where(r => r.Runtime is not null).Select(r => r.Runtime!.PauseMsPerSecond));

    public double LoadAverage => Runs.Average(r => r.LoadAverage);

    public double MedianServerSocketDrops => Median(Runs.Select(r => (double)r.SocketDrops.Server));

    public double MedianLoadSocketDrops => Median(Runs.Select(r => (double)r.SocketDrops.Perfdhcp));

    public bool WithinDropLimit => MedianDropsPercent <= RateSearch.DropLimitPercent;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
