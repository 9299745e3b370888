namespace DhcpCluster.Server.Configuration;

/// <summary>The outcome of binding: the configuration (null when there are errors) and every problem found.</summary>
/// <param name="Configuration">The bound configuration; null when <see cref="HasErrors"/>.</param>
/// <param name="Problems">Errors and warnings, in the order of the file.</param>
public sealed record ServerConfigurationBinding(ServerConfiguration? Configuration, IReadOnlyList<ConfigurationProblem> Problems)
{
    /// <summary>True when at least one problem is an error.</summary>
    public bool HasErrors => Problems.Any(p => p.IsError);

    /// <summary>The warnings.</summary>
    public IEnumerable<ConfigurationProblem> Warnings => Problems.Where(p => !p.IsError);

    /// <summary>The errors.</summary>
    public IEnumerable<ConfigurationProblem> Errors => Problems.Where(p => p.IsError);
}
