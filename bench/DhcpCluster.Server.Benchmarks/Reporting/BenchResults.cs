using DhcpCluster.Server.Benchmarks.Measuring;
using DhcpCluster.Server.Benchmarks.Scenarios;

namespace DhcpCluster.Server.Benchmarks.Reporting;

/// <summary>Everything one harness run measured (written as JSON, summarized by <see cref="ResultTables"/>).</summary>
internal sealed class BenchResults
{
    public required string Command { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string Machine { get; init; }

    public double LoadAverageAtStart { get; init; }

    public RateSearchResult? Ceiling { get; set; }

    /// <summary>Rate searches on file storage (our SQLite journal, Kea's memfile), by server name.</summary>
    public List<RateSearchResult> FileStorage { get; } = [];

    /// <summary>Rate searches on PostgreSQL, by server name.</summary>
    public List<RateSearchResult> PostgreSql { get; } = [];

    /// <summary>Our node at Kea's best rate (file storage, then PostgreSQL): the delay comparison.</summary>
    public List<RateStep> OursAtKeasRate { get; } = [];

    /// <summary>Our node without an fsync per commit (Kea memfile's durability) at Kea's best file-storage rate: what the fsync costs.</summary>
    public RateStep? OursWithoutSyncAtKeasRate { get; set; }

    public StartResult? Start { get; set; }

    public List<MixedLoadResult> RenewRelease { get; } = [];

    public List<MemoryResult> Memory { get; } = [];

    public List<string> Notes { get; } = [];
}
