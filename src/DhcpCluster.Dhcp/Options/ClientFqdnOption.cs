using System.Text;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// A read-only view of option 81, client FQDN (RFC 4702 §2): flags, two deprecated RCODE bytes and a domain name,
/// encoded canonically (RFC 1035 labels) when the E flag is set, otherwise as deprecated ASCII text.
/// </summary>
public readonly ref struct ClientFqdnOption
{
    /// <summary>S: the server should perform the A RR (forward) update (RFC 4702 §2.1).</summary>
    public const byte FlagServerUpdates = 0x01;

    /// <summary>O: the server overrode the client's S bit (server to client only).</summary>
    public const byte FlagOverride = 0x02;

    /// <summary>E: the name is in canonical wire format.</summary>
    public const byte FlagEncoded = 0x04;

    /// <summary>N: the server should perform no DNS updates.</summary>
    public const byte FlagNoUpdates = 0x08;

    /// <summary>Creates a view over the option data.</summary>
    public ClientFqdnOption(ReadOnlySpan<byte> data) => Data = data;

    /// <summary>The whole option data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>True when the option was present with at least its 3 fixed bytes.</summary>
    public bool IsPresent => Data.Length >= 3;

    /// <summary>The flags byte (0 when absent).</summary>
    public byte Flags => IsPresent ? Data[0] : (byte)0;

    /// <summary>RCODE1 (deprecated, RFC 4702 §2.2).</summary>
    public byte Rcode1 => IsPresent ? Data[1] : (byte)0;

    /// <summary>RCODE2 (deprecated, RFC 4702 §2.2).</summary>
    public byte Rcode2 => IsPresent ? Data[2] : (byte)0;

    /// <summary>True when the E flag says the name is in wire format.</summary>
    public bool IsCanonicalEncoding => (Flags & FlagEncoded) != 0;

    /// <summary>The encoded name bytes as sent.</summary>
    public ReadOnlySpan<byte> NameBytes => IsPresent ? Data[3..] : default;

    /// <summary>
    /// Decodes the name: "host.example.com." for a fully qualified canonical name, "host" for a partial one;
    /// ASCII names are returned as sent. False when absent or malformed; an empty name gives "".
    /// </summary>
    public bool TryGetName(out string name, out bool fullyQualified)
    {
        name = string.Empty;
        fullyQualified = false;
        if (!IsPresent)
        {
            return false;
        }

        var bytes = NameBytes;
        if (bytes.IsEmpty)
        {
            return true;
        }

        if (IsCanonicalEncoding)
        {
            if (!DnsName.TryDecode(bytes, out var decoded, out var consumed, out fullyQualified) || consumed != bytes.Length)
            {
                return false;
            }

            name = decoded;
            return true;
        }

        foreach (var b in bytes)
        {
            if (b is < (byte)' ' or > (byte)'~')
            {
                return false;
            }
        }

        name = Encoding.ASCII.GetString(bytes);
        fullyQualified = name.EndsWith('.');
        return true;
    }

    /// <summary>
    /// Writes option 81 data: flags, RCODE1 = RCODE2 = 0 (RFC 4702 §2.2 says servers send 255; pass them if needed),
    /// then the name in canonical form when <paramref name="flags"/> has E, else ASCII. Returns the bytes written.
    /// </summary>
    /// <exception cref="ArgumentException">The name cannot be encoded or does not fit.</exception>
    public static int Write(Span<byte> destination, byte flags, ReadOnlySpan<char> name, bool fullyQualified, byte rcode1 = 0, byte rcode2 = 0)
    {
        if (destination.Length < 3)
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }

        destination[0] = flags;
        destination[1] = rcode1;
        destination[2] = rcode2;
        if ((flags & FlagEncoded) != 0)
        {
            if (!DnsName.TryEncode(name, fullyQualified, destination[3..], out var n, out var error))
            {
                throw new ArgumentException(error, nameof(name));
            }

            return 3 + n;
        }

        if (destination.Length < 3 + name.Length)
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] is < ' ' or > '~')
            {
                throw new ArgumentException("An ASCII FQDN holds printable ASCII only.", nameof(name));
            }

            destination[3 + i] = (byte)name[i];
        }

        return 3 + name.Length;
    }
}
