namespace DhcpCluster.Hocon.Values;

/// <summary>The kind of a node in the configuration tree.</summary>
public enum ConfigValueKind
{
    /// <summary>An object: keys mapped to values.</summary>
    Object,

    /// <summary>An array (list) of values.</summary>
    Array,

    /// <summary>A string (quoted, unquoted or a concatenation).</summary>
    String,

    /// <summary>A number (int, long or double; the written text is kept).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary>A value that still holds substitutions; only seen in configurations that are not resolved.</summary>
    Unresolved,
}
