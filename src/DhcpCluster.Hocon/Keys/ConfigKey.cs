namespace DhcpCluster.Hocon.Keys;

/// <summary>
/// The declaration of one configuration key a module reads: its path, type, meaning and the Akka.NET or Kea key it
/// mirrors. Keys inside list elements use <c>[]</c> after the list's key: <c>Dhcp4.subnet4[].pools[].pool</c>;
/// such a key is read from an element <see cref="Config"/> obtained through
/// <see cref="Config.GetConfigList(ConfigKey)"/>, and in general a key can be read from any sub-configuration whose
/// position is a prefix of the key's path (e.g. <c>Dhcp4.valid-lifetime</c> from <c>config.GetConfig("Dhcp4")</c>).
/// </summary>
public sealed class ConfigKey : IEquatable<ConfigKey>
{
    private readonly string[] _segments;
    private readonly ConfigPath?[] _relativePaths;
    private string[]? _listElementPattern;

    /// <summary>Declares a key.</summary>
    /// <param name="path">Dot-separated path; list elements marked with <c>[]</c>.</param>
    /// <param name="type">How the key is read.</param>
    /// <param name="description">What the key means (one sentence, for HOCON-reference.md).</param>
    /// <param name="mirrors">The Akka.NET or Kea key it mirrors, e.g. <c>akka.actor.ask-timeout</c> or <c>Kea Dhcp4.valid-lifetime</c>; empty when none.</param>
    /// <exception cref="ArgumentException">The path is not a valid key pattern.</exception>
    public ConfigKey(string path, ConfigValueType type, string description, string mirrors = "")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(mirrors);
        _segments = path.Split('.');
        foreach (var segment in _segments)
        {
            var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment[..^2] : segment;
            if (name.Length == 0 || name.AsSpan().ContainsAnyExcept(KeyCharacters))
            {
                throw new ArgumentException(
                    $"'{path}' is not a key pattern: keys are letters, digits, '-' and '_', separated by '.', a list element marked by '[]'",
                    nameof(path));
            }
        }

        if (_segments[^1].EndsWith("[]", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' ends with '[]': declare the list itself (without '[]') as an ObjectList or StringList key", nameof(path));
        }

        Path = path;
        Type = type;
        Description = description;
        Mirrors = mirrors;
        _relativePaths = new ConfigPath?[_segments.Length];
    }

    private static readonly System.Buffers.SearchValues<char> KeyCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>The full path pattern, e.g. <c>Dhcp4.subnet4[].pools[].pool</c>.</summary>
    public string Path { get; }

    /// <summary>How the key is read.</summary>
    public ConfigValueType Type { get; }

    /// <summary>What the key means.</summary>
    public string Description { get; }

    /// <summary>The Akka.NET or Kea key this one mirrors; empty when none.</summary>
    public string Mirrors { get; }

    /// <summary>The last segment of the path (<c>pool</c> for <c>Dhcp4.subnet4[].pools[].pool</c>).</summary>
    public string Name => _segments[^1];

    /// <summary>True when the key lives inside a list element (its path holds <c>[]</c>).</summary>
    public bool IsElementKey => Path.Contains("[]", StringComparison.Ordinal);

    /// <summary>The pattern of the element this key lives in (<c>Dhcp4.subnet4[].pools[]</c>), empty for a key outside lists.</summary>
    public string ElementPattern
    {
        get
        {
            var last = Array.FindLastIndex(_segments, static s => s.EndsWith("[]", StringComparison.Ordinal));
            return last < 0 ? string.Empty : string.Join('.', _segments[..(last + 1)]);
        }
    }

    /// <summary>The path below the innermost list element (<c>pool</c>), or the whole path for a key outside lists.</summary>
    public string RelativePath
    {
        get
        {
            var last = Array.FindLastIndex(_segments, static s => s.EndsWith("[]", StringComparison.Ordinal));
            return string.Join('.', _segments[(last + 1)..]);
        }
    }

    /// <summary>The key pattern of a sub-configuration read through this key (its own segments).</summary>
    internal string[] ObjectPattern => _segments;

    /// <summary>The key pattern of the elements of the list this key names (last segment marked with <c>[]</c>).</summary>
    internal string[] ListElementPattern => _listElementPattern ??= [.. _segments[..^1], _segments[^1] + "[]"];

    /// <summary>
    /// The path of this key relative to a configuration positioned at <paramref name="pattern"/>
    /// (its key pattern, e.g. <c>["Dhcp4", "subnet4[]"]</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The key does not live below that position, or crosses a list.</exception>
    internal ConfigPath RelativeTo(IReadOnlyList<string> pattern, Config readFrom)
    {
        var prefixLength = pattern.Count;
        var matches = prefixLength < _segments.Length;
        for (var i = 0; matches && i < prefixLength; i++)
        {
            matches = string.Equals(pattern[i], _segments[i], StringComparison.Ordinal);
        }

        if (!matches)
        {
            var position = readFrom.Position.Length == 0 ? "the root" : readFrom.Position;
            throw new ArgumentException($"configuration key {Path} cannot be read from the configuration at {position}", nameof(pattern));
        }

        var cached = _relativePaths[prefixLength];
        if (cached is not null)
        {
            return cached;
        }

        for (var i = prefixLength; i < _segments.Length; i++)
        {
            if (_segments[i].EndsWith("[]", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"configuration key {Path} lives inside list elements: read the list with GetConfigList and this key from each element",
                    nameof(pattern));
            }
        }

        return _relativePaths[prefixLength] = ConfigPath.Of(_segments[prefixLength..]);
    }

    /// <inheritdoc />
    public bool Equals(ConfigKey? other) =>
        other is not null && string.Equals(other.Path, Path, StringComparison.Ordinal) && other.Type == Type;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConfigKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Path), Type);

    /// <inheritdoc />
    public override string ToString() => $"{Path} ({Type})";
}
