using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DhcpCluster.Dhcp.Identity;

/// <summary>
/// The identity of a DHCP client: its client identifier (option 61) or, without one, its hardware type and chaddr.
/// Up to 32 bytes are held inline, so creating, hashing and comparing a key allocates nothing for the identifiers
/// clients really send (MAC-based ids, RFC 4361 DUIDs); longer identifiers keep an array. The string form
/// (<c>id:01:00:11:22:33:44:55</c>, <c>hw:01:00:11:22:33:44:55</c>) is stable and is what the cluster uses as the
/// client's entity id; <see cref="Parse"/> reads it back.
/// </summary>
public readonly struct ClientKey : IEquatable<ClientKey>
{
    /// <summary>Bytes held without an array.</summary>
    public const int InlineCapacity = 32;

    private const string HexDigits = "0123456789abcdef";
    private readonly ulong w0;
    private readonly ulong w1;
    private readonly ulong w2;
    private readonly ulong w3;
    private readonly byte[]? overflow;
    private readonly int hash;

    private ClientKey(ClientKeyKind kind, ReadOnlySpan<byte> bytes)
    {
        Kind = kind;
        Length = (byte)bytes.Length;
        if (bytes.Length > InlineCapacity)
        {
            overflow = bytes.ToArray();
            var combined = default(HashCode);
            combined.Add(kind);
            combined.AddBytes(bytes);
            hash = combined.ToHashCode();
            return;
        }

        Span<byte> buffer = stackalloc byte[InlineCapacity];
        bytes.CopyTo(buffer);
        w0 = BinaryPrimitives.ReadUInt64LittleEndian(buffer);
        w1 = BinaryPrimitives.ReadUInt64LittleEndian(buffer[8..]);
        w2 = BinaryPrimitives.ReadUInt64LittleEndian(buffer[16..]);
        w3 = BinaryPrimitives.ReadUInt64LittleEndian(buffer[24..]);
        hash = HashCode.Combine((byte)kind, bytes.Length, w0, w1, w2, w3);
    }

    /// <summary>What the key is made of.</summary>
    public ClientKeyKind Kind { get; }

    /// <summary>Number of key bytes.</summary>
    public int Length { get; }

    /// <summary>Whether this is the default (empty) key.</summary>
    public bool IsEmpty => Kind == ClientKeyKind.None;

    /// <summary>A key from the hardware type and chaddr (at most 16 bytes).</summary>
    public static ClientKey FromHardwareAddress(byte hardwareType, ReadOnlySpan<byte> chaddr)
    {
        if (chaddr.Length > 16)
        {
            throw new ArgumentException("chaddr holds at most 16 bytes", nameof(chaddr));
        }

        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = hardwareType;
        chaddr.CopyTo(bytes[1..]);
        return new ClientKey(ClientKeyKind.HardwareAddress, bytes[..(chaddr.Length + 1)]);
    }

    /// <summary>A key from a client identifier option value (1..255 bytes).</summary>
    public static ClientKey FromClientIdentifier(ReadOnlySpan<byte> clientIdentifier)
    {
        if (clientIdentifier.IsEmpty || clientIdentifier.Length > 255)
        {
            throw new ArgumentException("a client identifier has 1 to 255 bytes", nameof(clientIdentifier));
        }

        return new ClientKey(ClientKeyKind.ClientIdentifier, clientIdentifier);
    }

    /// <summary>Copies the key bytes (without the kind) into <paramref name="destination"/>; returns the count.</summary>
    public int CopyTo(Span<byte> destination)
    {
        if (overflow is not null)
        {
            overflow.CopyTo(destination);
            return overflow.Length;
        }

        Span<byte> buffer = stackalloc byte[InlineCapacity];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, w0);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer[8..], w1);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer[16..], w2);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer[24..], w3);
        buffer[..Length].CopyTo(destination);
        return Length;
    }

    /// <summary>The key bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Whether the key's bytes equal <paramref name="bytes"/>, without allocating.</summary>
    public bool BytesEqual(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            return false;
        }

        Span<byte> mine = stackalloc byte[Math.Max(Length, 1)];
        CopyTo(mine);
        return mine[..Length].SequenceEqual(bytes);
    }

    /// <inheritdoc/>
    public bool Equals(ClientKey other) =>
        hash == other.hash && Kind == other.Kind && Length == other.Length && w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3
        && (overflow is null ? other.overflow is null : other.overflow is not null && overflow.AsSpan().SequenceEqual(other.overflow));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ClientKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => hash;

    /// <summary>The stable text form: <c>hw:</c> or <c>id:</c> then the bytes as colon-separated lower-case hex.</summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return string.Empty;
        }

        // One allocation: the string itself, written in place from the key's bytes.
        return string.Create(3 + (Length * 3) - 1, this, static (text, key) =>
        {
            Span<byte> bytes = stackalloc byte[key.Length];
            key.CopyTo(bytes);
            text[0] = key.Kind == ClientKeyKind.HardwareAddress ? 'h' : 'i';
            text[1] = key.Kind == ClientKeyKind.HardwareAddress ? 'w' : 'd';
            text[2] = ':';
            var at = 3;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (i > 0)
                {
                    text[at++] = ':';
                }

                text[at++] = HexDigits[bytes[i] >> 4];
                text[at++] = HexDigits[bytes[i] & 0xF];
            }
        });
    }

    /// <summary>Reads the text form back; throws <see cref="FormatException"/> on anything else.</summary>
    public static ClientKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ClientKeyKind kind;
        if (text.StartsWith("hw:", StringComparison.Ordinal))
        {
            kind = ClientKeyKind.HardwareAddress;
        }
        else if (text.StartsWith("id:", StringComparison.Ordinal))
        {
            kind = ClientKeyKind.ClientIdentifier;
        }
        else
        {
            throw new FormatException($"client key '{text}': expected 'hw:' or 'id:' followed by hex bytes");
        }

        var body = text.AsSpan(3);
        var bytes = new List<byte>(text.Length / 3);
        foreach (var range in body.Split(':'))
        {
            if (!byte.TryParse(body[range], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b) || body[range].Length != 2)
            {
                throw new FormatException($"client key '{text}': '{body[range]}' is not a two-digit hex byte");
            }

            bytes.Add(b);
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        return kind == ClientKeyKind.HardwareAddress
            ? (span.Length is >= 1 and <= 17 ? new ClientKey(kind, span) : throw new FormatException($"client key '{text}': a hardware key has 1 to 17 bytes"))
            : (span.Length is >= 1 and <= 255 ? new ClientKey(kind, span) : throw new FormatException($"client key '{text}': a client identifier has 1 to 255 bytes"));
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(ClientKey left, ClientKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ClientKey left, ClientKey right) => !left.Equals(right);
}
