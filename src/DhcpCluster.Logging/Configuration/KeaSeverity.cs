namespace DhcpCluster.Logging.Configuration;

/// <summary>Kea's logger severities, from most to least severe.</summary>
public enum KeaSeverity
{
    /// <summary>Only fatal messages.</summary>
    Fatal,

    /// <summary>Errors and worse.</summary>
    Error,

    /// <summary>Warnings and worse.</summary>
    Warn,

    /// <summary>Informational messages and worse (Kea's default).</summary>
    Info,

    /// <summary>Debug messages up to the logger's <c>debuglevel</c>, and everything else.</summary>
    Debug,

    /// <summary>Nothing (Kea's <c>NONE</c>): the logger's categories are silenced.</summary>
    None,
}
