namespace DhcpCluster.Actors.TestKit;

internal static class Placeholder;
