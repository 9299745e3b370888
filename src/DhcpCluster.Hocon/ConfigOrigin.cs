namespace DhcpCluster.Hocon;

/// <summary>Where a configuration value was written: file (or origin name), 1-based line and column.</summary>
/// <remarks>Line and column are 0 when the value has no position (built in code, an environment variable).</remarks>
public readonly record struct ConfigOrigin(string File, int Line, int Column)
{
    /// <summary>An origin for values that were not read from any text.</summary>
    public static ConfigOrigin None { get; } = new("<none>", 0, 0);

    /// <summary>Renders as <c>file:line:column</c>, or just <c>file</c> without a position.</summary>
    public override string ToString() =>
        Line > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}") : File;
}
