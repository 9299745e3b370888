namespace DhcpCluster.Server.Configuration;

/// <summary>Kea's logger <c>severity</c>, least to most severe.</summary>
public enum LogSeverity
{
    /// <summary><c>DEBUG</c> (with <c>debuglevel</c> 0..99).</summary>
    Debug,

    /// <summary><c>INFO</c>.</summary>
    Info,

    /// <summary><c>WARN</c>.</summary>
    Warn,

    /// <summary><c>ERROR</c>.</summary>
    Error,

    /// <summary><c>FATAL</c>.</summary>
    Fatal,

    /// <summary><c>NONE</c>: nothing is logged.</summary>
    None,
}
