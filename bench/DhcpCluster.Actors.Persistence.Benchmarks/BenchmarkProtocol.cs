namespace DhcpCluster.Actors.Persistence.Benchmarks;

/// <summary>Messages of <see cref="BenchmarkActor"/>.</summary>
internal static class BenchmarkProtocol
{
    /// <summary>Persist this many events, <paramref name="BatchSize"/> per Persist/PersistAll (1: Persist one at a time).</summary>
    public sealed record Run(long Events, int BatchSize);
}
