namespace DhcpCluster.Dhcp;

internal static class Placeholder;
