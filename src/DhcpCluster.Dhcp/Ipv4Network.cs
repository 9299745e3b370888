using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;

namespace DhcpCluster.Dhcp;

/// <summary>
/// An IPv4 prefix such as 192.0.2.0/24: a network address with no host bits set and a prefix length 0-32.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct Ipv4Network : IEquatable<Ipv4Network>
{
    private Ipv4Network(Ipv4Address network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>The first address of the prefix (host bits zero).</summary>
    public Ipv4Address Network { get; }

    /// <summary>The number of leading network bits, 0-32.</summary>
    public int PrefixLength { get; }

    /// <summary>The netmask as an address (255.255.255.0 for /24).</summary>
    public Ipv4Address Mask => new(MaskOf(PrefixLength));

    /// <summary>Same as <see cref="Network"/>.</summary>
    public Ipv4Address First => Network;

    /// <summary>The last address of the prefix (the directed broadcast address for /0-/30).</summary>
    public Ipv4Address Last => new(Network.Value | ~MaskOf(PrefixLength));

    /// <summary>How many addresses the prefix holds.</summary>
    public long Size => 1L << (32 - PrefixLength);

    /// <summary>Creates a prefix, rejecting host bits.</summary>
    /// <exception cref="ArgumentException">Host bits are set or the length is outside 0-32.</exception>
    public static Ipv4Network Create(Ipv4Address network, int prefixLength)
    {
        if (!TryCreate(network, prefixLength, out var result, out var error))
        {
            throw new ArgumentException(error, nameof(network));
        }

        return result;
    }

    /// <summary>The prefix of the given length that contains <paramref name="address"/> (host bits cleared).</summary>
    public static Ipv4Network Containing(Ipv4Address address, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        return new Ipv4Network(new Ipv4Address(address.Value & MaskOf(prefixLength)), prefixLength);
    }

    /// <summary>The prefix length of a contiguous netmask, or -1 when the mask is not contiguous.</summary>
    public static int PrefixLengthOfMask(Ipv4Address mask)
    {
        var length = System.Numerics.BitOperations.LeadingZeroCount(~mask.Value);
        return MaskOf(length) == mask.Value ? length : -1;
    }

    /// <summary>True when <paramref name="address"/> lies inside this prefix.</summary>
    public bool Contains(Ipv4Address address) => (address.Value & MaskOf(PrefixLength)) == Network.Value;

    /// <summary>True when all of <paramref name="other"/> lies inside this prefix.</summary>
    public bool Contains(Ipv4Network other) => other.PrefixLength >= PrefixLength && Contains(other.Network);

    /// <summary>Parses "192.0.2.0/24".</summary>
    /// <exception cref="FormatException">With the reason.</exception>
    public static Ipv4Network Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var result, out var error))
        {
            throw new FormatException(error);
        }

        return result;
    }

    /// <summary>Parses "192.0.2.0/24"; false on anything else (host bits set included).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Ipv4Network result) => TryParse(text, out result, out _);

    /// <summary>Parses "192.0.2.0/24", giving the reason on failure.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Ipv4Network result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            error = $"'{text}' is not an IPv4 prefix (expected address/length, e.g. 192.0.2.0/24).";
            return false;
        }

        if (!Ipv4Address.TryParse(text[..slash].Trim(), out var address))
        {
            error = $"'{text}': '{text[..slash]}' is not an IPv4 address.";
            return false;
        }

        var lengthText = text[(slash + 1)..].Trim();
        if (lengthText.Length is 0 or > 2 || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            error = $"'{text}': '{lengthText}' is not a prefix length.";
            return false;
        }

        return TryCreate(address, length, out result, out error);
    }

    private static bool TryCreate(Ipv4Address network, int prefixLength, out Ipv4Network result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        if (prefixLength is < 0 or > 32)
        {
            error = $"prefix length {prefixLength} is outside 0-32.";
            return false;
        }

        if ((network.Value & ~MaskOf(prefixLength)) != 0)
        {
            error = $"{network}/{prefixLength} has host bits set (the network is {new Ipv4Address(network.Value & MaskOf(prefixLength))}/{prefixLength}).";
            return false;
        }

        result = new Ipv4Network(network, prefixLength);
        error = null;
        return true;
    }

    private static uint MaskOf(int prefixLength) => prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);

    /// <inheritdoc />
    public bool Equals(Ipv4Network other) => Network == other.Network && PrefixLength == other.PrefixLength;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Ipv4Network other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Network, PrefixLength);

    /// <summary>"192.0.2.0/24".</summary>
    public override string ToString() => Network.ToString() + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes "192.0.2.0/24" without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (!Network.TryFormat(destination, out var n) || n >= destination.Length)
        {
            return false;
        }

        destination[n++] = '/';
        if (!PrefixLength.TryFormat(destination[n..], out var m, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        charsWritten = n + m;
        return true;
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Ipv4Network left, Ipv4Network right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Ipv4Network left, Ipv4Network right) => !left.Equals(right);
}
