namespace DhcpCluster.Node.Configuration;

/// <summary>An error stops startup (and fails <c>--check</c>); a warning is reported and the node goes on.</summary>
public enum ConfigProblemSeverity
{
    Warning,
    Error,
}
