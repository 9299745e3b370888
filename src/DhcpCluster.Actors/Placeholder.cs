namespace DhcpCluster.Actors;

internal static class Placeholder;
