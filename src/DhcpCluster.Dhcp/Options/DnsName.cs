using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// Domain names in the canonical wire encoding of RFC 1035 §3.1 (length-prefixed labels ending with the
/// zero-length root label), as options of Kea's type <c>fqdn</c> and option 81 with the E flag carry them.
/// Compression pointers (RFC 1035 §4.1.4) are not accepted.
/// </summary>
public static class DnsName
{
    /// <summary>Longest label (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Longest encoded name (RFC 1035 §2.3.4).</summary>
    public const int MaxEncodedLength = 255;

    /// <summary>
    /// Encodes "host.example.com" (a trailing dot is allowed) as labels. With <paramref name="fullyQualified"/>
    /// the root label ends the name; otherwise it is left off (a partial name, RFC 4702 §2.3.1).
    /// </summary>
    public static bool TryEncode(ReadOnlySpan<char> name, bool fullyQualified, Span<byte> destination, out int written, [NotNullWhen(false)] out string? error)
    {
        written = 0;
        error = null;
        var text = name.Trim();
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        var position = 0;
        if (!text.IsEmpty && !TryEncodeLabels(name, text, destination, ref position, out error))
        {
            return false;
        }

        if (fullyQualified)
        {
            if (position >= destination.Length)
            {
                error = $"'{name}' does not fit.";
                return false;
            }

            destination[position++] = 0;
        }

        if (position > MaxEncodedLength)
        {
            error = $"'{name}' is longer than {MaxEncodedLength} bytes encoded.";
            return false;
        }

        written = position;
        return true;
    }

    private static bool TryEncodeLabels(ReadOnlySpan<char> name, ReadOnlySpan<char> text, Span<byte> destination, ref int position, [NotNullWhen(false)] out string? error)
    {
        error = null;
        foreach (var labelRange in text.Split('.'))
        {
            var label = text[labelRange];
            if (label.IsEmpty)
            {
                error = $"'{name}' has an empty label.";
                return false;
            }

            if (label.Length > MaxLabelLength)
            {
                error = $"'{name}' has a label longer than {MaxLabelLength} characters.";
                return false;
            }

            if (position + 1 + label.Length > destination.Length)
            {
                error = $"'{name}' does not fit.";
                return false;
            }

            destination[position++] = (byte)label.Length;
            foreach (var c in label)
            {
                if (c is <= ' ' or > '~')
                {
                    error = $"'{name}' has a character that is not printable ASCII.";
                    return false;
                }

                destination[position++] = (byte)c;
            }
        }

        return true;
    }

    /// <summary>
    /// Decodes one name from the start of <paramref name="wire"/>: "host.example.com." when it ends with the root
    /// label, "host" (no trailing dot) when the data ends first (a partial name). Labels must be printable ASCII.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out string? name, out int consumed, out bool fullyQualified)
    {
        name = null;
        consumed = 0;
        fullyQualified = false;
        var builder = new StringBuilder();
        var position = 0;
        while (position < wire.Length)
        {
            var length = wire[position];
            if (length == 0)
            {
                position++;
                fullyQualified = true;
                break;
            }

            if (length > MaxLabelLength || position + 1 + length > wire.Length)
            {
                return false; // compression pointer, bad label length or truncated label
            }

            foreach (var b in wire.Slice(position + 1, length))
            {
                if (b is <= (byte)' ' or > (byte)'~' or (byte)'.')
                {
                    return false;
                }

                builder.Append((char)b);
            }

            builder.Append('.');
            position += 1 + length;
        }

        if (position == 0 || position > MaxEncodedLength)
        {
            return false;
        }

        if (!fullyQualified && builder.Length > 0)
        {
            builder.Length--; // a partial name has no trailing dot
        }

        name = builder.Length == 0 ? "." : builder.ToString();
        consumed = position;
        return true;
    }
}
