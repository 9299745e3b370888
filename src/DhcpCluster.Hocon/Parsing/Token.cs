namespace DhcpCluster.Hocon.Parsing;

/// <summary>
/// One token. Unquoted text and whitespace are kept as a range of the source (no string until the parser needs one);
/// quoted strings carry their decoded text only when it differs from the source range (escapes).
/// </summary>
internal readonly record struct Token(
    TokenKind Kind,
    int Start,
    int Length,
    int Line,
    int Column,
    string? Decoded = null,
    ConfigPath? Path = null,
    bool Optional = false)
{
    public bool IsTripleQuoted { get; init; }
}
