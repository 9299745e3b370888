namespace DhcpCluster.Hocon.Parsing;

/// <summary>State shared by a file and everything it includes: options, the include chain, interned keys.</summary>
internal sealed class ParseContext
{
    private const int MaxInternedLength = 48;

    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _internLookup;

    public ParseContext(ConfigParseOptions options)
    {
        Options = options;
        _internLookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Deepest nesting of objects, lists and includes accepted (far beyond any real configuration).</summary>
    public const int MaxDepth = 500;

    public ConfigParseOptions Options { get; }

    /// <summary>Current nesting depth of objects, lists and includes.</summary>
    public int Depth { get; set; }

    /// <summary>Full paths of the files being parsed, outermost first (for cycle detection and its message).</summary>
    public List<string> IncludeChain { get; } = [];

    /// <summary>Display names matching <see cref="IncludeChain"/>.</summary>
    public List<string> IncludeChainNames { get; } = [];

    /// <summary>Returns one shared string per distinct short text (keys and small values repeat a lot in big configs).</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInternedLength)
        {
            return text.ToString();
        }

        if (_internLookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = text.ToString();
        _interned[created] = created;
        return created;
    }
}
