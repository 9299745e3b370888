namespace DhcpCluster.Server.Configuration;

/// <summary>One Kea HA <c>peers[]</c> entry.</summary>
/// <param name="Name">Kea's <c>name</c>.</param>
/// <param name="Url">Kea's <c>url</c> (the peer's control channel).</param>
/// <param name="Role">Kea's <c>role</c>.</param>
/// <param name="AutoFailover">Kea's <c>auto-failover</c> (true).</param>
public sealed record HighAvailabilityPeer(string Name, Uri Url, HighAvailabilityRole Role, bool AutoFailover);
