using System.Text;
using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>
/// Client host names as strings for lease records, created once per distinct name: a renewing client's name is
/// found by its bytes without allocating. Bounded: the cache starts over when it holds <see cref="Capacity"/> names.
/// </summary>
public sealed class HostnameCache
{
    /// <summary>Names kept before the cache starts over.</summary>
    public const int Capacity = 65536;

    private readonly Dictionary<byte[], string> names = new(ByteSequenceComparer.Instance);
    private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> lookup;

    /// <summary>Creates an empty cache.</summary>
    public HostnameCache() => lookup = names.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The string for a name's bytes (ASCII/UTF-8), or null for an empty name.</summary>
    public string? Get(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return null;
        }

        if (lookup.TryGetValue(name, out var text))
        {
            return text;
        }

        if (names.Count >= Capacity)
        {
            names.Clear();
        }

        text = Encoding.UTF8.GetString(name);
        names.Add(name.ToArray(), text);
        return text;
    }
}
