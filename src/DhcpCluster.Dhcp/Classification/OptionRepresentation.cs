namespace DhcpCluster.Dhcp.Classification;

/// <summary>The suffix of <c>option[N]</c> / <c>relay4[N]</c> in a test expression.</summary>
public enum OptionRepresentation
{
    /// <summary><c>.hex</c>: the raw bytes.</summary>
    Hex,

    /// <summary><c>.text</c>: the bytes as text (identical bytes for the string-valued options classes test).</summary>
    Text,

    /// <summary><c>.exists</c>: whether the option is present.</summary>
    Exists,
}
