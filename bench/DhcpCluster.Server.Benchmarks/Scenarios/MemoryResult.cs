namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>Resident memory of one server before load, right after N leases, and after the idle wait.</summary>
internal sealed record MemoryResult(string Server, long Leases, long IdleBytes, long AfterLoadBytes, long SettledBytes, double IdleWaitSeconds, double LoadAverage)
{
    public double BytesPerLeaseAfterLoad => Leases > 0 ? (AfterLoadBytes - IdleBytes) / (double)Leases : double.NaN;

    public double BytesPerLeaseSettled => Leases > 0 ? (SettledBytes - IdleBytes) / (double)Leases : double.NaN;
}
