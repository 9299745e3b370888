using System.Buffers.Binary;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// A read-only view of option 61, client identifier (RFC 2132 §9.14): a type byte and an identifier.
/// Type 0 is an opaque string, types 1-254 are an ARP hardware type followed by the hardware address, and
/// type 255 is the RFC 4361 §6.1 form: a 4-byte IAID followed by a DUID (RFC 8415).
/// Servers must treat the whole option as an opaque key (RFC 2131 §4.2, RFC 4361 §6.3).
/// </summary>
public readonly ref struct ClientIdentifierOption
{
    /// <summary>The type byte of RFC 4361 identifiers.</summary>
    public const byte Rfc4361Type = 255;

    /// <summary>Creates a view over the option data.</summary>
    public ClientIdentifierOption(ReadOnlySpan<byte> data) => Data = data;

    /// <summary>The whole option data: the key to compare clients by.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>True when the option was present and not empty.</summary>
    public bool IsPresent => !Data.IsEmpty;

    /// <summary>The type byte (0 when absent).</summary>
    public byte Type => Data.IsEmpty ? (byte)0 : Data[0];

    /// <summary>The bytes after the type byte.</summary>
    public ReadOnlySpan<byte> Identifier => Data.IsEmpty ? default : Data[1..];

    /// <summary>
    /// True for type 255 with room for an IAID and a DUID of at least its 2-byte type (RFC 4361 §6.1).
    /// </summary>
    public bool IsRfc4361 => Data.Length >= 7 && Data[0] == Rfc4361Type;

    /// <summary>The IAID of an RFC 4361 identifier, 0 otherwise.</summary>
    public uint Iaid => IsRfc4361 ? BinaryPrimitives.ReadUInt32BigEndian(Data.Slice(1, 4)) : 0;

    /// <summary>The DUID of an RFC 4361 identifier, empty otherwise.</summary>
    public ReadOnlySpan<byte> Duid => IsRfc4361 ? Data[5..] : default;

    /// <summary>The DUID type (RFC 8415 §11.1: 1 LLT, 2 EN, 3 LL, 4 UUID) of an RFC 4361 identifier, 0 otherwise.</summary>
    public ushort DuidType => IsRfc4361 ? BinaryPrimitives.ReadUInt16BigEndian(Data.Slice(5, 2)) : (ushort)0;

    /// <summary>True when the type is a hardware type (1-254) and an address follows.</summary>
    public bool IsHardwareAddress => Data.Length >= 2 && Data[0] is not 0 and not Rfc4361Type;

    /// <summary>Writes an RFC 4361 identifier (255, IAID, DUID) and returns the bytes written.</summary>
    /// <exception cref="ArgumentException">The destination is too small or the DUID is shorter than its 2-byte type.</exception>
    public static int WriteRfc4361(Span<byte> destination, uint iaid, ReadOnlySpan<byte> duid)
    {
        if (duid.Length < 2)
        {
            throw new ArgumentException("A DUID has at least its 2-byte type (RFC 8415 §11).", nameof(duid));
        }

        var size = 5 + duid.Length;
        if (destination.Length < size || size > 255 + 5)
        {
            throw new ArgumentException($"An RFC 4361 client identifier of this DUID needs {size} bytes.", nameof(destination));
        }

        destination[0] = Rfc4361Type;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], iaid);
        duid.CopyTo(destination[5..]);
        return size;
    }

    /// <summary>Writes a hardware client identifier (type, address) and returns the bytes written.</summary>
    public static int WriteHardware(Span<byte> destination, byte hardwareType, ReadOnlySpan<byte> address)
    {
        if (destination.Length < 1 + address.Length)
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }

        destination[0] = hardwareType;
        address.CopyTo(destination[1..]);
        return 1 + address.Length;
    }
}
