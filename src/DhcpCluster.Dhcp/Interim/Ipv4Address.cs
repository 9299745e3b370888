using System.Globalization;

namespace DhcpCluster.Dhcp;

// Interim stand-in until wt/dhcp-codec lands its Ipv4Address (same contract); deleted at merge.
public readonly struct Ipv4Address : IEquatable<Ipv4Address>, IComparable<Ipv4Address>
{
    public Ipv4Address(uint value) => Value = value;

    public uint Value { get; }

    public static Ipv4Address Any => default;

    public static Ipv4Address Broadcast => new(uint.MaxValue);

    public static Ipv4Address Parse(string text) =>
        TryParse(text, out var a) ? a : throw new FormatException($"'{text}' is not an IPv4 address");

    public static bool TryParse(ReadOnlySpan<char> text, out Ipv4Address address)
    {
        address = default;
        uint v = 0;
        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            if (!byte.TryParse(text[range], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                return false;
            }

            v = (v << 8) | b;
            parts++;
        }

        if (parts != 4)
        {
            return false;
        }

        address = new Ipv4Address(v);
        return true;
    }

    public static Ipv4Address Read(ReadOnlySpan<byte> bytes) =>
        new((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]));

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)(Value >> 24);
        destination[1] = (byte)(Value >> 16);
        destination[2] = (byte)(Value >> 8);
        destination[3] = (byte)Value;
    }

    public static Ipv4Address operator +(Ipv4Address a, uint offset) => new(a.Value + offset);

    public static bool operator ==(Ipv4Address a, Ipv4Address b) => a.Value == b.Value;

    public static bool operator !=(Ipv4Address a, Ipv4Address b) => a.Value != b.Value;

    public static bool operator <(Ipv4Address a, Ipv4Address b) => a.Value < b.Value;

    public static bool operator >(Ipv4Address a, Ipv4Address b) => a.Value > b.Value;

    public static bool operator <=(Ipv4Address a, Ipv4Address b) => a.Value <= b.Value;

    public static bool operator >=(Ipv4Address a, Ipv4Address b) => a.Value >= b.Value;

    public bool Equals(Ipv4Address other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is Ipv4Address other && Equals(other);

    public override int GetHashCode() => (int)Value;

    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value >> 24}.{(Value >> 16) & 255}.{(Value >> 8) & 255}.{Value & 255}");
}
