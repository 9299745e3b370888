using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Globalization;

namespace DhcpCluster.Dhcp;

/// <summary>
/// An IPv4 address held as one <see cref="uint"/> in host order (192.0.2.1 is 0xC0000201).
/// Parsing from text accepts only the strict dotted-quad form (four decimal parts 0-255, no leading
/// '+', no octal, no shortened forms such as "10.1"); wire form is 4 bytes in network order.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct Ipv4Address :
    IEquatable<Ipv4Address>, IComparable<Ipv4Address>, IComparable
{
    /// <summary>The number of bytes of an address on the wire.</summary>
    public const int Size = 4;

    /// <summary>The longest text form, "255.255.255.255".</summary>
    public const int MaxTextLength = 15;

    /// <summary>0.0.0.0.</summary>
    public static readonly Ipv4Address Any;

    /// <summary>255.255.255.255, the limited broadcast address.</summary>
    public static readonly Ipv4Address Broadcast = new(uint.MaxValue);

    /// <summary>Creates an address from its host-order value.</summary>
    public Ipv4Address(uint value) => Value = value;

    /// <summary>Creates an address from its four parts, most significant first.</summary>
    public Ipv4Address(byte a, byte b, byte c, byte d) => Value = ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;

    /// <summary>The address as a host-order integer.</summary>
    public uint Value { get; }

    /// <summary>True for 0.0.0.0.</summary>
    public bool IsAny => Value == 0;

    /// <summary>Reads an address from exactly 4 bytes in network order.</summary>
    /// <exception cref="ArgumentException">The span is not 4 bytes long.</exception>
    public static Ipv4Address Parse(ReadOnlySpan<byte> networkOrder)
    {
        if (!TryParse(networkOrder, out var address))
        {
            throw new ArgumentException($"An IPv4 address is {Size} bytes; got {networkOrder.Length}.", nameof(networkOrder));
        }

        return address;
    }

    /// <summary>Reads an address from exactly 4 bytes in network order; false when the length is not 4.</summary>
    public static bool TryParse(ReadOnlySpan<byte> networkOrder, out Ipv4Address address)
    {
        if (networkOrder.Length != Size)
        {
            address = Any;
            return false;
        }

        address = new Ipv4Address(BinaryPrimitives.ReadUInt32BigEndian(networkOrder));
        return true;
    }

    /// <summary>Reads the first 4 bytes of <paramref name="source"/> (which must hold at least 4).</summary>
    public static Ipv4Address Read(ReadOnlySpan<byte> source) => new(BinaryPrimitives.ReadUInt32BigEndian(source));

    /// <summary>Parses dotted-quad text.</summary>
    /// <exception cref="FormatException">The text is not an IPv4 address.</exception>
    public static Ipv4Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Parses dotted-quad text.</summary>
    /// <exception cref="FormatException">The text is not an IPv4 address.</exception>
    public static Ipv4Address Parse(ReadOnlySpan<char> s)
    {
        if (!TryParse(s, out var address))
        {
            throw new FormatException($"'{s}' is not an IPv4 address.");
        }

        return address;
    }

    /// <summary>Parses dotted-quad text; false on anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ipv4Address address) => TryParse(text.AsSpan(), out address);

    /// <summary>Parses dotted-quad text; false on anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Ipv4Address address)
    {
        address = Any;
        uint value = 0;
        var part = 0;
        var digits = 0;
        uint current = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                if (digits > 0 && current == 0)
                {
                    return false; // leading zero ("01") is ambiguous (octal in some parsers)
                }

                current = (current * 10) + (uint)(c - '0');
                digits++;
                if (current > 255)
                {
                    return false;
                }
            }
            else if (c == '.')
            {
                if (digits == 0 || part == 3)
                {
                    return false;
                }

                value = (value << 8) | current;
                part++;
                digits = 0;
                current = 0;
            }
            else
            {
                return false;
            }
        }

        if (part != 3 || digits == 0)
        {
            return false;
        }

        address = new Ipv4Address((value << 8) | current);
        return true;
    }

    /// <summary>Writes the 4 network-order bytes to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    /// <summary>The address <paramref name="offset"/> places further on.</summary>
    /// <exception cref="OverflowException">The result falls outside 0.0.0.0 - 255.255.255.255.</exception>
    public Ipv4Address Add(long offset)
    {
        var result = Value + offset;
        if (result is < 0 or > uint.MaxValue)
        {
            throw new OverflowException($"{this} + {offset} is outside the IPv4 address space.");
        }

        return new Ipv4Address((uint)result);
    }

    /// <summary>The address <paramref name="offset"/> places further on; false when that leaves the address space.</summary>
    public bool TryAdd(long offset, out Ipv4Address result)
    {
        var sum = Value + offset;
        if (sum is < 0 or > uint.MaxValue)
        {
            result = Any;
            return false;
        }

        result = new Ipv4Address((uint)sum);
        return true;
    }

    /// <summary>How many addresses <paramref name="other"/> lies before this one (negative when after).</summary>
    public long Subtract(Ipv4Address other) => (long)Value - other.Value;

    /// <inheritdoc />
    public bool Equals(Ipv4Address other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Ipv4Address other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)Value;

    /// <inheritdoc />
    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Ipv4Address other => CompareTo(other),
        _ => throw new ArgumentException("Not an Ipv4Address.", nameof(obj)),
    };

    /// <summary>Dotted-quad text.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxTextLength];
        TryFormat(buffer, out var written);
        return new string(buffer[..written]);
    }

    /// <summary>Writes dotted-quad text without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            var part = (byte)(Value >> shift);
            if (!part.TryFormat(destination[charsWritten..], out var n, default, CultureInfo.InvariantCulture))
            {
                charsWritten = 0;
                return false;
            }

            charsWritten += n;
            if (shift > 0)
            {
                if (charsWritten >= destination.Length)
                {
                    charsWritten = 0;
                    return false;
                }

                destination[charsWritten++] = '.';
            }
        }

        return true;
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Ipv4Address left, Ipv4Address right) => left.Value == right.Value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(Ipv4Address left, Ipv4Address right) => left.Value != right.Value;

    /// <summary>Ordering.</summary>
    public static bool operator <(Ipv4Address left, Ipv4Address right) => left.Value < right.Value;

    /// <summary>Ordering.</summary>
    public static bool operator >(Ipv4Address left, Ipv4Address right) => left.Value > right.Value;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Ipv4Address left, Ipv4Address right) => left.Value <= right.Value;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Ipv4Address left, Ipv4Address right) => left.Value >= right.Value;

    /// <summary>See <see cref="Add"/>.</summary>
    public static Ipv4Address operator +(Ipv4Address address, long offset) => address.Add(offset);

    /// <summary>See <see cref="Add"/> with the negated offset.</summary>
    public static Ipv4Address operator -(Ipv4Address address, long offset) => address.Add(-offset);

    /// <summary>See <see cref="Subtract"/>.</summary>
    public static long operator -(Ipv4Address left, Ipv4Address right) => left.Subtract(right);

    /// <summary>The next address.</summary>
    public static Ipv4Address operator ++(Ipv4Address address) => address.Add(1);

    /// <summary>The previous address.</summary>
    public static Ipv4Address operator --(Ipv4Address address) => address.Add(-1);
}
