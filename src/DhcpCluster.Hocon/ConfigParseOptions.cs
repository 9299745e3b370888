namespace DhcpCluster.Hocon;

/// <summary>Options for parsing.</summary>
public sealed record ConfigParseOptions
{
    /// <summary>The defaults: a missing include is an error.</summary>
    public static ConfigParseOptions Default { get; } = new();

    /// <summary>
    /// The HOCON specification silently ignores an <c>include</c> whose file does not exist (only
    /// <c>required(...)</c> must exist). A missing file is far more often a mistake than an intention in a server's
    /// configuration, so by default this library reports it; set this to true for the specification's behaviour.
    /// </summary>
    public bool AllowMissingIncludes { get; init; }

    /// <summary>Directory that relative includes of text parsed from a string (not a file) are resolved against; the current directory when null.</summary>
    public string? BaseDirectory { get; init; }
}
