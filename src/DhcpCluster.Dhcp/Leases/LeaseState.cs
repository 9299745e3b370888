namespace DhcpCluster.Dhcp.Leases;

/// <summary>The life of an address lease.</summary>
public enum LeaseState : byte
{
    /// <summary>Offered in a DHCPOFFER and held for the client until the offer lifetime ends.</summary>
    Offered,

    /// <summary>Acknowledged (DHCPACK) and valid until it expires.</summary>
    Bound,

    /// <summary>Its lifetime ended (reclaimed); the address is free, and the same client gets it back first.</summary>
    Expired,

    /// <summary>Given back by DHCPRELEASE; the address is free, and the same client gets it back first.</summary>
    Released,

    /// <summary>Reported in use by a DHCPDECLINE; unavailable until the decline probation period ends.</summary>
    Declined,
}
