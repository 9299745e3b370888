namespace DhcpCluster.Server.Sockets;

/// <summary>How interface sockets are opened (<c>interfaces-config</c>: <c>service-sockets-*</c>).</summary>
/// <param name="RequireAll">Whether a socket that cannot be opened stops the server instead of being retried.</param>
/// <param name="MaxRetries">Retries before giving up (then fatal); null retries without limit.</param>
/// <param name="RetryWait">Time between attempts.</param>
public sealed record InterfaceSocketSettings(bool RequireAll, int? MaxRetries, TimeSpan RetryWait)
{
    /// <summary>The defaults: not required, retried every 5 s without limit.</summary>
    public static InterfaceSocketSettings Default { get; } = new(false, null, TimeSpan.FromSeconds(5));
}
