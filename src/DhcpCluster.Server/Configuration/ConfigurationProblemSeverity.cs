namespace DhcpCluster.Server.Configuration;

/// <summary>How bad a configuration problem is.</summary>
public enum ConfigurationProblemSeverity
{
    /// <summary>Reported; the node starts (an unsupported Kea key, an unknown hook library, HA before the cluster).</summary>
    Warning,

    /// <summary>The configuration cannot be used (a wrong type, an overlapping pool, an unknown key...).</summary>
    Error,
}
