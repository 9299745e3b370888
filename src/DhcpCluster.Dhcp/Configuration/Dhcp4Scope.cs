namespace DhcpCluster.Dhcp.Configuration;

/// <summary>
/// The parameters Kea lets a subnet inherit from its shared network and from the global scope. Unset (null) means
/// "inherit"; <see cref="EffectiveParameters"/> holds the resolved values of a subnet.
/// </summary>
public abstract class Dhcp4Scope
{
    /// <summary>Kea's <c>valid-lifetime</c> in seconds.</summary>
    public uint? ValidLifetime { get; init; }

    /// <summary>Kea's <c>renew-timer</c> (T1) in seconds.</summary>
    public uint? RenewTimer { get; init; }

    /// <summary>Kea's <c>rebind-timer</c> (T2) in seconds.</summary>
    public uint? RebindTimer { get; init; }

    /// <summary>Kea's <c>t1-percent</c>: T1 as a fraction of the lifetime when <c>renew-timer</c> is not set.</summary>
    public double? T1Percent { get; init; }

    /// <summary>Kea's <c>t2-percent</c>: T2 as a fraction of the lifetime when <c>rebind-timer</c> is not set.</summary>
    public double? T2Percent { get; init; }

    /// <summary>Kea's <c>match-client-id</c>.</summary>
    public bool? MatchClientId { get; init; }

    /// <summary>Kea's <c>authoritative</c>.</summary>
    public bool? Authoritative { get; init; }

    /// <summary>Kea's <c>allocator</c>.</summary>
    public AllocatorKind? Allocator { get; init; }

    /// <summary>Kea's <c>next-server</c> (siaddr).</summary>
    public Ipv4Address? NextServer { get; init; }

    /// <summary>Kea's <c>server-hostname</c> (sname).</summary>
    public string? ServerHostname { get; init; }

    /// <summary>Kea's <c>boot-file-name</c> (file).</summary>
    public string? BootFileName { get; init; }

    /// <summary>The scope's <c>option-data</c>.</summary>
    public OptionDataSet OptionData { get; init; } = OptionDataSet.Empty;
}
