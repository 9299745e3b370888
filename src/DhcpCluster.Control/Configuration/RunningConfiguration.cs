using DhcpCluster.Hocon;

namespace DhcpCluster.Control.Configuration;

/// <summary>
/// The configuration a node runs with, as the configuration commands see it: the operator's configuration (without
/// the modules' reference defaults), the file it came from, and the check that decides whether a candidate
/// configuration is valid (the node's <c>--check</c>).
/// </summary>
public sealed class RunningConfiguration
{
    private readonly Func<Config, IReadOnlyList<string>> _check;
    private Config _current;

    /// <summary>Creates the view.</summary>
    /// <param name="current">The operator's configuration.</param>
    /// <param name="sourceFile">The file it was loaded from; null when built in memory (then <c>config-write</c> is refused).</param>
    /// <param name="check">Returns the problems of a candidate configuration (<c>file:line: key: problem</c>), empty when valid.</param>
    public RunningConfiguration(Config current, string? sourceFile, Func<Config, IReadOnlyList<string>> check)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(check);
        _current = current;
        SourceFile = sourceFile is null ? null : Path.GetFullPath(sourceFile);
        _check = check;
    }

    /// <summary>The running configuration.</summary>
    public Config Current => Volatile.Read(ref _current);

    /// <summary>The file the configuration was loaded from.</summary>
    public string? SourceFile { get; }

    /// <summary>Replaces the running configuration (after a reload).</summary>
    public void Replace(Config configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Volatile.Write(ref _current, configuration);
    }

    /// <summary>The problems of a candidate configuration; empty when it is valid.</summary>
    public IReadOnlyList<string> Check(Config candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return _check(candidate);
    }
}
