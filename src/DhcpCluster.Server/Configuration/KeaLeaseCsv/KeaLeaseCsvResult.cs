using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Server.Configuration.KeaLeaseCsv;

/// <summary>What a Kea lease file holds.</summary>
/// <param name="Leases">The current lease of each address (the last row for it), ordered by address.</param>
/// <param name="Errors">The rows that could not be read.</param>
/// <param name="Rows">Lease rows read (good and bad), header excluded.</param>
public sealed record KeaLeaseCsvResult(IReadOnlyList<Lease> Leases, IReadOnlyList<KeaLeaseCsvError> Errors, int Rows);
