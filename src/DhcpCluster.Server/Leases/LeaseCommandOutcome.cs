namespace DhcpCluster.Server.Leases;

/// <summary>How a lease command ended at the pool owner.</summary>
public enum LeaseCommandOutcome
{
    /// <summary>Written to the journal.</summary>
    Done,

    /// <summary>Another lease or offer holds the address.</summary>
    Conflict,

    /// <summary>No durable lease for the address.</summary>
    NotFound,

    /// <summary>The command is not valid for this owner (address outside its subnets, bad state).</summary>
    Rejected,

    /// <summary>The journal did not write it.</summary>
    Failed,
}
