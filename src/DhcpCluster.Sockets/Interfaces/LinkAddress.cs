using System.Net;

namespace DhcpCluster.Sockets.Interfaces;

/// <summary>An IPv4 address configured on an interface, with its prefix length.</summary>
public readonly record struct LinkAddress(uint Address, int PrefixLength)
{
    public uint Mask => PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength);

    public bool Contains(uint address) => (address & Mask) == (Address & Mask);

    public override string ToString() => $"{Ipv4Text.Format(Address)}/{PrefixLength}";

    public static uint FromIPAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (!address.TryWriteBytes(bytes, out var written) || written != 4)
        {
            throw new ArgumentException($"'{address}' is not an IPv4 address", nameof(address));
        }

        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }
}
