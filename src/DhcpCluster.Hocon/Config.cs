using System.Globalization;
using DhcpCluster.Hocon.Keys;
using DhcpCluster.Hocon.Resolution;
using DhcpCluster.Hocon.Units;
using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon;

/// <summary>
/// An immutable configuration: an object tree with typed getters. Paths are dot-separated
/// (<c>Dhcp4.valid-lifetime</c>; quote a key holding a dot: <c>a."b.c"</c>). Every getter throws
/// <see cref="ConfigException"/> for a missing key or a value of the wrong type, with the message
/// <c>file:line:col: full.key.path: problem</c>. A sub-configuration (<see cref="GetConfig(string)"/>,
/// <see cref="GetConfigList(string)"/>) remembers where it sits, so its errors name the full path
/// (<c>Dhcp4.subnet4[3].pools[0].pool</c>).
/// </summary>
public sealed class Config
{
    private static readonly string[] NoPattern = [];

    private readonly ConfigObject _root;
    private readonly string[] _pattern;

    // Where this configuration sits, kept as parent + path (+ list index) and turned into text only for messages.
    private readonly Config? _parent;
    private readonly ConfigPath? _pathInParent;
    private readonly int _index;
    private string? _position;

    internal Config(ConfigObject root, string[] pattern, string position)
    {
        _root = root;
        _pattern = pattern;
        _position = position;
        _index = -1;
    }

    internal Config(ConfigObject root)
        : this(root, NoPattern, string.Empty)
    {
    }

    private Config(ConfigObject root, string[] pattern, Config parent, ConfigPath pathInParent, int index)
    {
        _root = root;
        _pattern = pattern;
        _parent = parent;
        _pathInParent = pathInParent;
        _index = index;
    }

    /// <summary>The root object.</summary>
    public ConfigObject Root => _root;

    /// <summary>True when there are no keys at all.</summary>
    public bool IsEmpty => _root.Count == 0;

    /// <summary>False until substitutions are resolved (only configurations parsed unresolved are not).</summary>
    public bool IsResolved => _root.IsResolved;

    /// <summary>Where this configuration sits in the one it was taken from (<c>Dhcp4.subnet4[3]</c>); empty for a whole configuration.</summary>
    public string Position => _position ??= _index < 0
        ? _parent!.FullPath(_pathInParent!)
        : string.Create(CultureInfo.InvariantCulture, $"{_parent!.FullPath(_pathInParent!)}[{_index}]");

    /// <summary>The keys of the root object, in the order they were first written.</summary>
    public IEnumerable<string> Keys => _root.Keys;

    /// <summary>Uses <paramref name="fallback"/> for every key this configuration does not set (objects merge key by key).</summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return fallback.IsEmpty ? this : new Config(ConfigMerge.MergeObjects(_root, fallback._root), _pattern, Position);
    }

    /// <summary>Resolves substitutions (<c>${a.b}</c>, <c>${?ENV}</c>); environment variables come from the process.</summary>
    public Config Resolve() => Resolve(null);

    /// <summary>Resolves substitutions, taking environment variables from <paramref name="environment"/> (null: the process environment).</summary>
    public Config Resolve(Func<string, string?>? environment) =>
        IsResolved ? this : new Config(Resolver.Resolve(_root, environment), _pattern, Position);

    /// <summary>Renders the configuration as HOCON.</summary>
    public string ToHocon() => Rendering.HoconRenderer.Render(_root);

    /// <summary>Renders the configuration as JSON.</summary>
    public string ToJson() => Rendering.JsonRenderer.Render(_root);

    /// <inheritdoc />
    public override string ToString() => IsResolved ? ToHocon() : "unresolved configuration";

    // ---- lookup ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Every value that is not an object, with its full path (keys quoted where needed), depth first in written
    /// order: the flattened view of the configuration (lists are single entries).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, ConfigValue>> Entries()
    {
        var entries = new List<KeyValuePair<string, ConfigValue>>();
        AddEntries(entries, ConfigPath.Root, _root);
        return entries;
    }

    private void AddEntries(List<KeyValuePair<string, ConfigValue>> entries, ConfigPath path, ConfigObject obj)
    {
        foreach (var (key, value) in obj.Fields)
        {
            var childPath = path.Append(key);
            if (value is ConfigObject child)
            {
                AddEntries(entries, childPath, child);
            }
            else
            {
                entries.Add(new KeyValuePair<string, ConfigValue>(FullPath(childPath), value));
            }
        }
    }

    /// <summary>True when the path exists and is not <c>null</c>.</summary>
    public bool HasPath(string path) => TryFind(ConfigPath.Parse(path), out var value) && value is not ConfigNull;

    /// <summary>True when the key exists and is not <c>null</c>.</summary>
    public bool HasPath(ConfigKey key) => TryFind(Relative(key), out var value) && value is not ConfigNull;

    /// <summary>The value at a path, or false when there is none (a path through a non-object has none).</summary>
    public bool TryGetValue(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigValue? value) =>
        TryFind(ConfigPath.Parse(path), out value);

    /// <summary>The value at a path, of any kind (<c>null</c> included).</summary>
    public ConfigValue GetValue(string path) => Find(ConfigPath.Parse(path));

    /// <summary>The value of a key, of any kind.</summary>
    public ConfigValue GetValue(ConfigKey key) => Find(Relative(key));

    /// <summary>Where the value at a path was written.</summary>
    public ConfigOrigin GetOrigin(string path) => Find(ConfigPath.Parse(path)).Origin;

    /// <summary>Where the value of a key was written.</summary>
    public ConfigOrigin GetOrigin(ConfigKey key) => Find(Relative(key)).Origin;

    /// <summary>The value of a key, or false when there is none.</summary>
    public bool TryGetValue(ConfigKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigValue? value) =>
        TryFind(Relative(key), out value);

    /// <summary>The full path of <paramref name="path"/> for messages, including this configuration's position.</summary>
    public string FullPath(string path) => Position.Length == 0 ? path : Position + "." + path;

    /// <summary>A <see cref="ConfigException"/> about the value at <paramref name="path"/> (for checks callers do themselves).</summary>
    public ConfigException ErrorAt(string path, string problem)
    {
        var configPath = ConfigPath.Parse(path);
        var origin = TryFind(configPath, out var value) ? value.Origin : _root.Origin;
        return new ConfigException(origin, FullPath(configPath), problem);
    }

    /// <summary>A <see cref="ConfigException"/> about the value of <paramref name="key"/>.</summary>
    public ConfigException ErrorAt(ConfigKey key, string problem)
    {
        var configPath = Relative(key);
        var origin = TryFind(configPath, out var value) ? value.Origin : _root.Origin;
        return new ConfigException(origin, FullPath(configPath), problem);
    }

    // ---- getters ---------------------------------------------------------------------------------------------

    /// <summary>A string; numbers and booleans are read as their text.</summary>
    public string GetString(string path) => ReadString(ConfigPath.Parse(path));

    /// <summary>A string key.</summary>
    public string GetString(ConfigKey key) => ReadString(Relative(key, ConfigValueType.String));

    /// <summary>A 32-bit integer (a quoted number is accepted).</summary>
    public int GetInt(string path) => ReadInt(ConfigPath.Parse(path));

    /// <summary>An int key.</summary>
    public int GetInt(ConfigKey key) => ReadInt(Relative(key, ConfigValueType.Int));

    /// <summary>A 64-bit integer (a quoted number is accepted).</summary>
    public long GetLong(string path) => ReadLong(ConfigPath.Parse(path));

    /// <summary>A long key.</summary>
    public long GetLong(ConfigKey key) => ReadLong(Relative(key, ConfigValueType.Long));

    /// <summary>A floating-point number (a quoted number is accepted).</summary>
    public double GetDouble(string path) => ReadDouble(ConfigPath.Parse(path));

    /// <summary>A double key.</summary>
    public double GetDouble(ConfigKey key) => ReadDouble(Relative(key, ConfigValueType.Double));

    /// <summary>A boolean: <c>true</c>/<c>false</c>, <c>on</c>/<c>off</c>, <c>yes</c>/<c>no</c>.</summary>
    public bool GetBoolean(string path) => ReadBoolean(ConfigPath.Parse(path));

    /// <summary>A boolean key.</summary>
    public bool GetBoolean(ConfigKey key) => ReadBoolean(Relative(key, ConfigValueType.Boolean));

    /// <summary>
    /// A duration: <c>10s</c>, <c>500ms</c>, <c>1 minute</c>, <c>2h</c>, <c>1d</c>, <c>infinite</c>
    /// (<see cref="Timeout.InfiniteTimeSpan"/>); a plain number is milliseconds (as in Akka.NET).
    /// </summary>
    public TimeSpan GetDuration(string path) => ReadDuration(ConfigPath.Parse(path));

    /// <summary>A duration key.</summary>
    public TimeSpan GetDuration(ConfigKey key) => ReadDuration(Relative(key, ConfigValueType.Duration));

    /// <summary>A size in bytes: <c>64KiB</c>, <c>1MB</c>, <c>10M</c>, <c>512</c> (plain number: bytes).</summary>
    public long GetByteSize(string path) => ReadByteSize(ConfigPath.Parse(path));

    /// <summary>A byte-size key.</summary>
    public long GetByteSize(ConfigKey key) => ReadByteSize(Relative(key, ConfigValueType.ByteSize));

    /// <summary>A list of strings (numbers and booleans read as text).</summary>
    public IReadOnlyList<string> GetStringList(string path) => ReadStringList(ConfigPath.Parse(path));

    /// <summary>A string-list key.</summary>
    public IReadOnlyList<string> GetStringList(ConfigKey key) => ReadStringList(Relative(key, ConfigValueType.StringList));

    /// <summary>A list of 32-bit integers.</summary>
    public IReadOnlyList<int> GetIntList(string path) => ReadIntList(ConfigPath.Parse(path));

    /// <summary>An int-list key.</summary>
    public IReadOnlyList<int> GetIntList(ConfigKey key) => ReadIntList(Relative(key, ConfigValueType.IntList));

    /// <summary>A list of values of any kind.</summary>
    public IReadOnlyList<ConfigValue> GetList(string path) => ReadArray(ConfigPath.Parse(path)).Items;

    /// <summary>An object as a sub-configuration.</summary>
    public Config GetConfig(string path) => ReadConfig(ConfigPath.Parse(path), pattern: null);

    /// <summary>An object key as a sub-configuration.</summary>
    public Config GetConfig(ConfigKey key) => ReadConfig(Relative(key, ConfigValueType.Object), key.ObjectPattern);

    /// <summary>A list of objects, each as a sub-configuration (Kea's <c>subnet4 = [ {...} ]</c>).</summary>
    public IReadOnlyList<Config> GetConfigList(string path) => ReadConfigList(ConfigPath.Parse(path), elementPattern: null);

    /// <summary>An object-list key; element keys (<c>Dhcp4.subnet4[].id</c>) are then read from each element.</summary>
    public IReadOnlyList<Config> GetConfigList(ConfigKey key) => ReadConfigList(Relative(key, ConfigValueType.ObjectList), key.ListElementPattern);

    // ---- implementation --------------------------------------------------------------------------------------

    private ConfigPath Relative(ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.RelativeTo(_pattern, this);
    }

    private ConfigPath Relative(ConfigKey key, ConfigValueType readAs)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Type != readAs)
        {
            throw new ArgumentException($"configuration key {key.Path} is declared as {key.Type} but read as {readAs}", nameof(key));
        }

        return key.RelativeTo(_pattern, this);
    }

    private string FullPath(ConfigPath path) => Position.Length == 0 ? path.ToString() : Position + "." + path;

    private bool TryFind(ConfigPath path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigValue? value)
    {
        ConfigValue current = _root;
        foreach (var segment in path.SegmentArray)
        {
            if (current is not ConfigObject obj || !obj.TryGetValue(segment, out var child))
            {
                value = null;
                return false;
            }

            current = child;
        }

        value = current;
        return true;
    }

    private ConfigValue Find(ConfigPath path)
    {
        ConfigValue current = _root;
        var segments = path.SegmentArray;
        for (var i = 0; i < segments.Length; i++)
        {
            if (current is not ConfigObject obj)
            {
                var parent = path.Prefix(i);
                throw new ConfigException(current.Origin, FullPath(path), $"{FullPath(parent)} is {current.Describe()}, not an object");
            }

            if (!obj.TryGetValue(segments[i], out var child))
            {
                throw new ConfigException(obj.Origin, FullPath(path), "missing (no value set and no default in any reference.conf)");
            }

            current = child;
        }

        if (!current.IsResolved)
        {
            throw new ConfigException(current.Origin, FullPath(path), $"not resolved: {current.Describe()} (call Resolve() first)");
        }

        return current;
    }

    private ConfigException Mismatch(ConfigValue value, ConfigPath path, string expected) =>
        new(value.Origin, FullPath(path), $"expected {expected}, found {value.Describe()}");

    private string ReadString(ConfigPath path)
    {
        var value = Find(path);
        return value is ConfigScalar scalar and not ConfigNull ? scalar.Text : throw Mismatch(value, path, "a string");
    }

    private static bool TryNumber(ConfigValue value, out ConfigNumber? number)
    {
        number = value switch
        {
            ConfigNumber n => n,
            ConfigString s => ConfigNumber.TryParse(s.Value.Trim(), s.Origin),
            _ => null,
        };
        return number is not null;
    }

    private int ReadInt(ConfigPath path)
    {
        var value = Find(path);
        if (TryNumber(value, out var number) && number!.IsInteger)
        {
            return number.Long is >= int.MinValue and <= int.MaxValue
                ? (int)number.Long
                : throw new ConfigException(value.Origin, FullPath(path), $"expected an int (32-bit), found {value.Describe()}, which is out of range");
        }

        throw Mismatch(value, path, "an int");
    }

    private long ReadLong(ConfigPath path)
    {
        var value = Find(path);
        return TryNumber(value, out var number) && number!.IsInteger ? number.Long : throw Mismatch(value, path, "a long integer");
    }

    private double ReadDouble(ConfigPath path)
    {
        var value = Find(path);
        return TryNumber(value, out var number) ? number!.Double : throw Mismatch(value, path, "a number");
    }

    private bool ReadBoolean(ConfigPath path)
    {
        var value = Find(path);
        switch (value)
        {
            case ConfigBoolean b:
                return b.Value;
            case ConfigString s:
                switch (s.Value)
                {
                    case "true" or "on" or "yes": return true;
                    case "false" or "off" or "no": return false;
                }

                break;
        }

        throw Mismatch(value, path, "a boolean (true/false, on/off, yes/no)");
    }

    private TimeSpan ReadDuration(ConfigPath path)
    {
        var value = Find(path);
        switch (value)
        {
            case ConfigNumber number when number.Double >= 0:
                return number.IsInteger ? TimeSpan.FromMilliseconds(number.Long) : TimeSpan.FromTicks((long)Math.Round(number.Double * TimeSpan.TicksPerMillisecond));
            case ConfigString s when DurationParser.TryParse(s.Value, out var duration):
                return duration;
        }

        throw Mismatch(value, path, "a duration or number");
    }

    private long ReadByteSize(ConfigPath path)
    {
        var value = Find(path);
        switch (value)
        {
            case ConfigNumber { IsInteger: true } number when number.Long >= 0:
                return number.Long;
            case ConfigString s when ByteSizeParser.TryParse(s.Value, out var bytes):
                return bytes;
        }

        throw Mismatch(value, path, "a size in bytes (e.g. 512, 64KiB, 1MB) or number");
    }

    private ConfigArray ReadArray(ConfigPath path)
    {
        var value = Find(path);
        return value switch
        {
            ConfigArray array => array,
            ConfigObject obj when AsIndexedList(obj) is { } list => list,
            _ => throw Mismatch(value, path, "a list"),
        };
    }

    /// <summary>
    /// The HOCON specification's numerically-indexed object: <c>{ "0": a, "1": b }</c> (as environment or
    /// command-line overrides write lists) is read as a list ordered by index; other keys are ignored.
    /// </summary>
    private static ConfigArray? AsIndexedList(ConfigObject obj)
    {
        var indexed = new List<(int Index, ConfigValue Value)>();
        foreach (var (key, value) in obj.Fields)
        {
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed.Add((index, value));
            }
        }

        if (indexed.Count == 0)
        {
            return null;
        }

        indexed.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new ConfigArray([.. indexed.Select(i => i.Value)], obj.Origin);
    }

    private IReadOnlyList<string> ReadStringList(ConfigPath path)
    {
        var array = ReadArray(path);
        var result = new string[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var item = array.ItemArray[i];
            result[i] = item is ConfigScalar scalar and not ConfigNull
                ? scalar.Text
                : throw new ConfigException(item.Origin, ElementPath(path, i), $"expected a string, found {item.Describe()}");
        }

        return result;
    }

    private IReadOnlyList<int> ReadIntList(ConfigPath path)
    {
        var array = ReadArray(path);
        var result = new int[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var item = array.ItemArray[i];
            result[i] = TryNumber(item, out var number) && number!.IsInteger && number.Long is >= int.MinValue and <= int.MaxValue
                ? (int)number.Long
                : throw new ConfigException(item.Origin, ElementPath(path, i), $"expected an int, found {item.Describe()}");
        }

        return result;
    }

    private string ElementPath(ConfigPath path, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{FullPath(path)}[{index}]");

    private Config ReadConfig(ConfigPath path, string[]? pattern)
    {
        var value = Find(path);
        return value is ConfigObject obj
            ? new Config(obj, pattern ?? [.. _pattern, .. path.SegmentArray], this, path, index: -1)
            : throw Mismatch(value, path, "an object");
    }

    private IReadOnlyList<Config> ReadConfigList(ConfigPath path, string[]? elementPattern)
    {
        var array = ReadArray(path);
        if (elementPattern is null)
        {
            elementPattern = new string[_pattern.Length + path.Length];
            _pattern.CopyTo(elementPattern, 0);
            path.SegmentArray.CopyTo(elementPattern, _pattern.Length);
            elementPattern[^1] += "[]";
        }

        var result = new Config[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var item = array.ItemArray[i];
            result[i] = item is ConfigObject obj
                ? new Config(obj, elementPattern, this, path, i)
                : throw new ConfigException(item.Origin, ElementPath(path, i), $"expected an object, found {item.Describe()}");
        }

        return result;
    }
}
