namespace DhcpCluster.Hocon;

internal static class Placeholder;
