namespace DhcpCluster.Hocon.Values;

/// <summary>An object: keys (in the order first written) mapped to values.</summary>
public sealed class ConfigObject : ConfigValue
{
    private static readonly FieldTable NoFields = new(0);

    private readonly FieldTable _fields;
    private readonly bool _resolved;

    /// <summary>Creates an object from fields; the dictionary is copied.</summary>
    public ConfigObject(IEnumerable<KeyValuePair<string, ConfigValue>> fields, ConfigOrigin origin)
        : this(Copy(fields), origin)
    {
    }

    internal ConfigObject(FieldTable fields, ConfigOrigin origin)
        : base(origin)
    {
        _fields = fields;
        var resolved = true;
        for (var i = 0; i < fields.Count && resolved; i++)
        {
            resolved = fields.ValueAt(i).IsResolved;
        }

        _resolved = resolved;
    }

    /// <summary>An empty object.</summary>
    public static ConfigObject Empty(ConfigOrigin origin) => new(NoFields, origin);

    /// <inheritdoc />
    public override ConfigValueKind Kind => ConfigValueKind.Object;

    /// <inheritdoc />
    public override bool IsResolved => _resolved;

    /// <summary>Number of keys.</summary>
    public int Count => _fields.Count;

    /// <summary>The keys in the order they were first written.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>The fields in the order they were first written.</summary>
    public IEnumerable<KeyValuePair<string, ConfigValue>> Fields => _fields;

    internal FieldTable FieldMap => _fields;

    /// <summary>The value of a key of this object (a single key, not a path), or null.</summary>
    public ConfigValue? this[string key] => _fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>Looks up a single key (not a path).</summary>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigValue? value) =>
        _fields.TryGetValue(key, out value);

    /// <inheritdoc />
    public override bool Equals(ConfigValue? other)
    {
        if (other is not ConfigObject o || o.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            if (!o._fields.TryGetValue(_fields.KeyAt(i), out var otherValue) || !_fields.ValueAt(i).Equals(otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var (key, value) in _fields)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value.GetHashCode());
        }

        return hash;
    }

    /// <inheritdoc />
    public override string Describe() => "an object";

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigObject(_fields, origin);

    private static FieldTable Copy(IEnumerable<KeyValuePair<string, ConfigValue>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var copy = new FieldTable();
        foreach (var (key, value) in fields)
        {
            if (key is null || value is null)
            {
                throw new ArgumentException("an object's fields may not hold a null key or value", nameof(fields));
            }

            copy.Set(key, value);
        }

        return copy;
    }
}
