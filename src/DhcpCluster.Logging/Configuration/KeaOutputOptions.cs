namespace DhcpCluster.Logging.Configuration;

/// <summary>One element of a Kea logger's <c>output_options</c>.</summary>
/// <param name="Output"><c>stdout</c>, <c>stderr</c>, <c>syslog</c>, <c>syslog:FACILITY</c> or a file path.</param>
/// <param name="MaxSize">Rotate a file output when a line would make it exceed this many bytes; 0 never rotates (Kea's <c>maxsize</c>).</param>
/// <param name="MaxVersions">Rotated files kept (<c>FILE.1</c> ... <c>FILE.N</c>, Kea's <c>maxver</c>).</param>
/// <param name="Flush">Flush after every line (Kea's <c>flush</c>); otherwise the OS buffers.</param>
/// <param name="Pattern">A log4cplus-style pattern (Kea's <c>pattern</c>); null for the default of the output kind.</param>
public sealed record KeaOutputOptions(
    string Output,
    long MaxSize = KeaOutputOptions.DefaultMaxSize,
    int MaxVersions = KeaOutputOptions.DefaultMaxVersions,
    bool Flush = true,
    string? Pattern = null)
{
    /// <summary>Kea's default <c>maxsize</c>.</summary>
    public const long DefaultMaxSize = 10_240_000;

    /// <summary>Kea's default <c>maxver</c>.</summary>
    public const int DefaultMaxVersions = 1;
}
