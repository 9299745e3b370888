namespace DhcpCluster.Hocon.Values;

/// <summary>An array (list) of values.</summary>
public sealed class ConfigArray : ConfigValue
{
    private readonly ConfigValue[] _items;
    private readonly bool _resolved;

    /// <summary>Creates an array; the items are copied.</summary>
    public ConfigArray(IEnumerable<ConfigValue> items, ConfigOrigin origin)
        : this([.. items], origin)
    {
    }

    internal ConfigArray(ConfigValue[] items, ConfigOrigin origin)
        : base(origin)
    {
        _items = items;
        _resolved = Array.TrueForAll(items, static v => v.IsResolved);
    }

    /// <inheritdoc />
    public override ConfigValueKind Kind => ConfigValueKind.Array;

    /// <inheritdoc />
    public override bool IsResolved => _resolved;

    /// <summary>The elements.</summary>
    public IReadOnlyList<ConfigValue> Items => _items;

    /// <summary>Number of elements.</summary>
    public int Count => _items.Length;

    internal ConfigValue[] ItemArray => _items;

    /// <inheritdoc />
    public override bool Equals(ConfigValue? other)
    {
        if (other is not ConfigArray a || a._items.Length != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].Equals(a._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item.GetHashCode());
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string Describe() => "a list";

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigArray(_items, origin);
}
