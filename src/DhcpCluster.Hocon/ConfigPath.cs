using System.Text;

namespace DhcpCluster.Hocon;

/// <summary>
/// A path into the configuration tree: the keys from the root, e.g. <c>Dhcp4.valid-lifetime</c> or
/// <c>a."b.c".d</c> (a quoted segment may hold dots). Immutable; equality compares segments.
/// </summary>
public sealed class ConfigPath : IEquatable<ConfigPath>
{
    private readonly string[] _segments;
    private string? _rendered;

    private ConfigPath(string[] segments) => _segments = segments;

    /// <summary>The empty path: the root object.</summary>
    public static ConfigPath Root { get; } = new([]);

    /// <summary>The keys from the root.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Number of segments.</summary>
    public int Length => _segments.Length;

    /// <summary>True for the root path.</summary>
    public bool IsRoot => _segments.Length == 0;

    /// <summary>The last key, or an empty string for the root.</summary>
    public string Last => _segments.Length == 0 ? string.Empty : _segments[^1];

    internal string[] SegmentArray => _segments;

    /// <summary>A path of the given keys (no parsing: a key may hold dots).</summary>
    public static ConfigPath Of(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return segments.Length == 0 ? Root : new ConfigPath([.. segments]);
    }

    /// <summary>A path over an array the caller gives up (not copied).</summary>
    internal static ConfigPath FromOwned(string[] segments) => segments.Length == 0 ? Root : new ConfigPath(segments);

    /// <summary>
    /// Parses a path expression: keys separated by dots, a key in double quotes may hold dots and JSON escapes.
    /// </summary>
    /// <exception cref="ArgumentException">The expression is empty or has an empty or unterminated key.</exception>
    public static ConfigPath Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length == 0)
        {
            throw new ArgumentException("A configuration path may not be empty", nameof(expression));
        }

        if (expression.AsSpan().IndexOfAny('"', '.') < 0)
        {
            return new ConfigPath([expression]);
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == '.')
            {
                if (!hasContent)
                {
                    throw new ArgumentException($"Configuration path '{expression}' has an empty key", nameof(expression));
                }

                segments.Add(current.ToString());
                current.Clear();
                hasContent = false;
                i++;
            }
            else if (c == '"')
            {
                var end = ClosingQuote(expression, i);
                current.Append(Parsing.Tokenizer.Unescape(expression.AsSpan(i + 1, end - i - 1)));
                hasContent = true;
                i = end + 1;
            }
            else
            {
                current.Append(c);
                hasContent = true;
                i++;
            }
        }

        if (!hasContent)
        {
            throw new ArgumentException($"Configuration path '{expression}' has an empty key", nameof(expression));
        }

        segments.Add(current.ToString());
        return new ConfigPath([.. segments]);
    }

    private static int ClosingQuote(string expression, int open)
    {
        var end = open + 1;
        while (end < expression.Length && expression[end] != '"')
        {
            end += expression[end] == '\\' ? 2 : 1;
        }

        if (end >= expression.Length)
        {
            throw new ArgumentException($"Configuration path '{expression}' has an unterminated quoted key", nameof(expression));
        }

        return end;
    }

    /// <summary>This path followed by one more key.</summary>
    public ConfigPath Append(string key)
    {
        var segments = new string[_segments.Length + 1];
        _segments.CopyTo(segments, 0);
        segments[^1] = key;
        return new ConfigPath(segments);
    }

    /// <summary>This path followed by another.</summary>
    public ConfigPath Append(ConfigPath tail)
    {
        ArgumentNullException.ThrowIfNull(tail);
        if (tail.IsRoot)
        {
            return this;
        }

        return IsRoot ? tail : new ConfigPath([.. _segments, .. tail._segments]);
    }

    /// <summary>The first <paramref name="length"/> keys.</summary>
    public ConfigPath Prefix(int length) =>
        length == _segments.Length ? this : length == 0 ? Root : new ConfigPath(_segments[..length]);

    /// <summary>True when this path is <paramref name="other"/> or starts with it.</summary>
    public bool StartsWith(ConfigPath other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._segments.Length > _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < other._segments.Length; i++)
        {
            if (!string.Equals(_segments[i], other._segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path as a string with the keys joined by dots, unquoted (the environment variable name of a substitution).</summary>
    public string ToPlainString() => string.Join('.', _segments);

    /// <summary>Renders the path as an expression that <see cref="Parse"/> reads back (keys quoted where needed).</summary>
    public override string ToString()
    {
        if (_rendered is not null)
        {
            return _rendered;
        }

        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (IsElementSegment(segment))
            {
                // A list element in a message: Dhcp4.subnet4[3].id
                builder.Append(segment);
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(NeedsQuotes(segment) ? Rendering.JsonRenderer.Quote(segment) : segment);
        }

        return _rendered = builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(ConfigPath? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConfigPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in _segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// The segment standing for element <paramref name="index"/> of a list, used only in the paths of messages
    /// (<c>Dhcp4.subnet4[3].id</c>); no key of a real path can sit below a list, so it never clashes with one.
    /// </summary>
    internal static string ElementSegment(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{index}]");

    private static bool IsElementSegment(string segment) =>
        segment.Length > 2 && segment[0] == '[' && segment[^1] == ']' && !segment.AsSpan(1, segment.Length - 2).ContainsAnyExceptInRange('0', '9');

    /// <summary>True when a key must be quoted to be read back as one key (anything but letters, digits, '-' and '_').</summary>
    internal static bool NeedsQuotes(string key)
    {
        if (key.Length == 0 || string.Equals(key, "include", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return true;
            }
        }

        return false;
    }
}
