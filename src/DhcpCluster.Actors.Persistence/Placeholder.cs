namespace DhcpCluster.Actors.Persistence;

internal static class Placeholder;
