namespace DhcpCluster.Server.Configuration;

/// <summary>One Kea <c>output_options[]</c> entry.</summary>
/// <param name="Output">Kea's <c>output</c>: <c>stdout</c>, <c>stderr</c>, <c>syslog</c>, <c>syslog:name</c> or a file path.</param>
/// <param name="MaxSize">Kea's <c>maxsize</c>: bytes before a file rolls over (0: never).</param>
/// <param name="MaxVersions">Kea's <c>maxver</c>: rolled-over files kept.</param>
/// <param name="Flush">Kea's <c>flush</c>: flush after each message.</param>
/// <param name="Pattern">Kea's <c>pattern</c> (log4cplus layout); null for the default.</param>
public sealed record LoggerOutput(string Output, long MaxSize, int MaxVersions, bool Flush, string? Pattern);
