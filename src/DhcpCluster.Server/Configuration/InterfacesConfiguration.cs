namespace DhcpCluster.Server.Configuration;

/// <summary>
/// Kea's <c>interfaces-config</c>. One receive path is opened per listed interface whatever the number of addresses
/// on it. Unlike Kea (whose <c>service-sockets-max-retries</c> defaults to 0: a missing interface at boot is never
/// retried), a missing or down interface is retried without limit by default.
/// </summary>
public sealed record InterfacesConfiguration
{
    /// <summary>Kea's default <c>service-sockets-retry-wait-time</c> (5000 ms).</summary>
    public static readonly TimeSpan DefaultRetryWaitTime = TimeSpan.FromMilliseconds(5000);

    /// <summary>No interface at all.</summary>
    public static InterfacesConfiguration None { get; } = new();

    /// <summary>Kea's <c>interfaces</c>, in the order written.</summary>
    public IReadOnlyList<InterfaceSelection> Interfaces { get; init; } = [];

    /// <summary>Kea's <c>dhcp-socket-type</c>.</summary>
    public DhcpSocketType SocketType { get; init; } = DhcpSocketType.Raw;

    /// <summary>Kea's <c>service-sockets-require-all</c>: a receive path that cannot be opened is fatal.</summary>
    public bool RequireAll { get; init; }

    /// <summary>
    /// Kea's <c>service-sockets-max-retries</c>: how many times opening an interface's receive path is retried;
    /// null means without limit (our default; Kea's default is 0).
    /// </summary>
    public int? MaxRetries { get; init; }

    /// <summary>Kea's <c>service-sockets-retry-wait-time</c> (milliseconds in Kea's files).</summary>
    public TimeSpan RetryWaitTime { get; init; } = DefaultRetryWaitTime;

    /// <summary>True when <c>*</c> is listed: every interface of the host.</summary>
    public bool AllInterfaces => Interfaces.Any(i => i.IsWildcard);
}
