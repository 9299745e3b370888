namespace DhcpCluster.Dhcp.Classification;

/// <summary>What a <c>member('X')</c> name refers to.</summary>
public enum MemberBinding
{
    /// <summary>Not bound yet.</summary>
    Unbound,

    /// <summary>A class of the configuration.</summary>
    Configured,

    /// <summary>Kea's built-in <c>ALL</c>.</summary>
    All,

    /// <summary>Kea's built-in <c>KNOWN</c>: a host reservation exists.</summary>
    Known,

    /// <summary>Kea's built-in <c>UNKNOWN</c>: no host reservation.</summary>
    Unknown,

    /// <summary>Kea's built-in <c>VENDOR_CLASS_x</c>: option 60 equals x.</summary>
    VendorClass,
}
