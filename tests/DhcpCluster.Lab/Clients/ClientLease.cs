namespace DhcpCluster.Lab.Clients;

/// <summary>What a real DHCP client reported it obtained.</summary>
public sealed record ClientLease(string Client, string Address, string? Server, int? LeaseSeconds, string Output)
{
    /// <summary>
    /// What the client handed its script on <c>bound</c> (udhcpc with <c>ReportEnvironment</c>: <c>siaddr</c>,
    /// <c>boot_file</c>, <c>hostname</c>, <c>dns</c>, <c>router</c>, <c>domain</c>, <c>lease</c>...); empty otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
