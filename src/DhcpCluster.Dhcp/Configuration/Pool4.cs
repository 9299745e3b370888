using System.Globalization;

namespace DhcpCluster.Dhcp.Configuration;

/// <summary>A Kea <c>pools[]</c> entry: an inclusive address range, with its own option-data and class restriction.</summary>
public sealed class Pool4
{
    /// <summary>Creates a pool from its first and last address (inclusive).</summary>
    public Pool4(Ipv4Address first, Ipv4Address last)
    {
        if (last < first)
        {
            throw new ArgumentException($"pool {first} - {last}: the last address is below the first", nameof(last));
        }

        First = first;
        Last = last;
    }

    /// <summary>The first address of the range.</summary>
    public Ipv4Address First { get; }

    /// <summary>The last address of the range (inclusive).</summary>
    public Ipv4Address Last { get; }

    /// <summary>Number of addresses in the range.</summary>
    public long Size => (long)Last.Value - First.Value + 1;

    /// <summary>Kea's <c>client-class</c>: only members of this class may get addresses from the pool.</summary>
    public string? ClientClass { get; init; }

    /// <summary>The membership test of <see cref="ClientClass"/>, set when the configuration is built.</summary>
    public Classification.ExpressionNode.Member? ClientClassReference { get; internal set; }

    /// <summary>The pool's position among all pools of the built configuration (0-based).</summary>
    public int Index { get; internal set; } = -1;

    /// <summary>The subnet the pool belongs to, set when the configuration is built.</summary>
    public Subnet4 Subnet { get; internal set; } = null!;

    /// <summary>The option-data of pool, subnet, shared network and global scope merged, set when the configuration is built.</summary>
    public ScopeOptions EffectiveOptions { get; internal set; } = null!;

    /// <summary>The pool's <c>option-data</c>.</summary>
    public OptionDataSet OptionData { get; init; } = OptionDataSet.Empty;

    /// <summary>Whether the address lies in the pool.</summary>
    public bool Contains(Ipv4Address address) => address >= First && address <= Last;

    /// <summary>Parses Kea's pool text: <c>"192.0.2.10 - 192.0.2.200"</c> or <c>"192.0.2.64/26"</c>.</summary>
    public static Pool4 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            var first = text.AsSpan(0, dash).Trim();
            var last = text.AsSpan(dash + 1).Trim();
            if (!Ipv4Address.TryParse(first, out var a) || !Ipv4Address.TryParse(last, out var b))
            {
                throw new FormatException($"pool '{text}': expected 'first - last' with two IPv4 addresses");
            }

            if (b < a)
            {
                throw new FormatException($"pool '{text}': the last address is below the first");
            }

            return new Pool4(a, b);
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!Ipv4Address.TryParse(text.AsSpan(0, slash).Trim(), out var network)
                || !int.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || length is < 0 or > 32)
            {
                throw new FormatException($"pool '{text}': expected 'address/length' with a length of 0..32");
            }

            var mask = PrefixMath.Mask(length);
            if ((network.Value & ~mask) != 0)
            {
                throw new FormatException($"pool '{text}': the address has bits set beyond the prefix length");
            }

            return new Pool4(network, new Ipv4Address(network.Value | ~mask));
        }

        throw new FormatException($"pool '{text}': expected 'first - last' or 'address/length'");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{First} - {Last}";
}
