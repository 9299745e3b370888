namespace DhcpCluster.Server.Benchmarks.Measuring;

/// <summary>A server's rate search: every step, and the best one within the drop limit.</summary>
internal sealed record RateSearchResult(string Server, string Description, IReadOnlyList<RateStep> Steps)
{
    /// <summary>The highest step whose median REQUEST-ACK drops stayed within 2.5% (null: not even the first).</summary>
    public RateStep? Best => Steps.Where(s => s.WithinDropLimit).MaxBy(s => s.MedianAchievedRate);

    /// <summary>True when the search stopped because passing steps no longer raised the achieved rate (perfdhcp-bound).</summary>
    public bool SenderBound { get; init; }

    /// <summary>True when the search stopped at the maximum rate without reaching the drop limit.</summary>
    public bool Unbounded => !SenderBound && Steps.Count > 0 && Steps.All(s => s.WithinDropLimit);
}
