using DhcpCluster.Hocon;

namespace DhcpCluster.Server.Configuration;


/// <summary>
/// One finding of the binder: where (file, line, column), which key (<c>Dhcp4.subnet4[2].pools[0].pool</c>) and what.
/// Printed as <c>file:line:col: key: problem</c> (warnings: <c>file:line:col: key: warning: problem</c>).
/// </summary>
public sealed record ConfigurationProblem(ConfigurationProblemSeverity Severity, ConfigOrigin Origin, string Path, string Problem)
{
    /// <summary>True for an error.</summary>
    public bool IsError => Severity == ConfigurationProblemSeverity.Error;

    /// <inheritdoc/>
    public override string ToString() => IsError ? $"{Origin}: {Path}: {Problem}" : $"{Origin}: {Path}: warning: {Problem}";
}
