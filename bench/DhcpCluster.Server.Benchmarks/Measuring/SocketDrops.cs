namespace DhcpCluster.Server.Benchmarks.Measuring;

/// <summary>Datagrams dropped at a full receive buffer in the server's namespace and in perfdhcp's.</summary>
internal sealed record SocketDrops(long Server, long Perfdhcp);
