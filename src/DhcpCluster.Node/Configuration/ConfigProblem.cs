using DhcpCluster.Hocon;

namespace DhcpCluster.Node.Configuration;

/// <summary>One finding of the configuration check, printed as <c>file:line:col: key: problem</c>.</summary>
public sealed record ConfigProblem(ConfigProblemSeverity Severity, ConfigOrigin Origin, string Path, string Problem)
{
    public override string ToString() =>
        Severity == ConfigProblemSeverity.Error ? $"{Origin}: {Path}: {Problem}" : $"{Origin}: {Path}: warning: {Problem}";

    public static ConfigProblem From(ConfigException exception) =>
        new(ConfigProblemSeverity.Error, exception.Origin, exception.Path, exception.Problem);
}
