using System.Collections;

namespace DhcpCluster.Hocon.Values;

/// <summary>
/// The fields of an object in the order first written: two parallel arrays searched linearly while small (most
/// configuration objects have a handful of keys) and indexed by a dictionary once large. Cheaper to build than a
/// hashed ordered dictionary for the tens of thousands of small objects of a big Kea configuration.
/// </summary>
internal sealed class FieldTable : IEnumerable<KeyValuePair<string, ConfigValue>>
{
    private const int IndexThreshold = 8;

    private string[] _keys;
    private ConfigValue[] _values;
    private int _count;
    private Dictionary<string, int>? _index;

    public FieldTable(int capacity = 4)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new ConfigValue[capacity];
    }

    public FieldTable(FieldTable source, int extraCapacity)
        : this(source._count + extraCapacity)
    {
        Array.Copy(source._keys, _keys, source._count);
        Array.Copy(source._values, _values, source._count);
        _count = source._count;
        if (_count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    public int Count => _count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _keys[i];
            }
        }
    }

    public IEnumerable<ConfigValue> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _values[i];
            }
        }
    }

    public string KeyAt(int index) => _keys[index];

    public ConfigValue ValueAt(int index) => _values[index];

    public int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            var candidate = _keys[i];
            if (ReferenceEquals(candidate, key) || string.Equals(candidate, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigValue? value)
    {
        var i = IndexOf(key);
        value = i < 0 ? null : _values[i];
        return i >= 0;
    }

    /// <summary>Replaces the value of an existing key (keeping its position) or appends a new key.</summary>
    public void Set(string key, ConfigValue value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }

        if (_count == _keys.Length)
        {
            var capacity = Math.Max(4, _count * 2);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _values, capacity);
        }

        _keys[_count] = key;
        _values[_count] = value;
        _count++;
        if (_index is not null)
        {
            _index[key] = _count - 1;
        }
        else if (_count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    public IEnumerator<KeyValuePair<string, ConfigValue>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, ConfigValue>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
        for (var i = 0; i < _count; i++)
        {
            _index[_keys[i]] = i;
        }
    }
}
