namespace DhcpCluster.Control.Leases;

/// <summary>How a lease change ended.</summary>
public enum LeaseChangeOutcome
{
    /// <summary>Stored.</summary>
    Done,

    /// <summary>The address is leased already (add).</summary>
    Conflict,

    /// <summary>No lease to update.</summary>
    NotFound,

    /// <summary>Refused (no subnet holds the address, subnet mismatch...): see the problem.</summary>
    Rejected,
}
