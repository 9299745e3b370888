using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;

namespace DhcpCluster.Dhcp.Options;

/// <summary>Decodes wire bytes of one option to Kea's csv text (see <see cref="OptionData"/>).</summary>
internal static class OptionDataDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(OptionDefinition definition, ReadOnlySpan<byte> wire, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        text = null;
        switch (definition.Type)
        {
            case OptionDataType.Empty:
                text = string.Empty;
                error = wire.IsEmpty ? null : "type 'empty' carries no data of its own.";
                return error is null;
            case OptionDataType.Internal:
                return TryDecodeRoutes(wire, out text, out error);
            case OptionDataType.Record when definition.Code == 81 && string.Equals(definition.Space, OptionDefinition.Dhcp4Space, StringComparison.Ordinal):
                return TryDecodeClientFqdn(wire, out text, out error);
            case OptionDataType.String when !definition.IsArray:
                return TryDecodeSingleString(wire, out text, out error);
            default:
                break;
        }

        var values = new List<string>();
        var position = 0;
        if (definition.Type == OptionDataType.Record)
        {
            var fields = definition.RecordTypes;
            for (var i = 0; i < fields.Length; i++)
            {
                if (!TryDecodeValue(definition, fields[i], wire, ref position, isLast: i == fields.Length - 1 && !definition.IsArray, values, out error))
                {
                    return false;
                }
            }

            while (definition.IsArray && position < wire.Length)
            {
                if (!TryDecodeValue(definition, fields[^1], wire, ref position, isLast: false, values, out error))
                {
                    return false;
                }
            }
        }
        else
        {
            do
            {
                if (!TryDecodeValue(definition, definition.Type, wire, ref position, isLast: !definition.IsArray, values, out error))
                {
                    return false;
                }
            }
            while (definition.IsArray && position < wire.Length);
        }

        if (position != wire.Length)
        {
            error = $"{wire.Length - position} bytes are left over after the {definition.TypeText} value.";
            return false;
        }

        text = string.Join(", ", values);
        error = null;
        return true;
    }

    private static bool TryDecodeValue(
        OptionDefinition definition, OptionDataType type, ReadOnlySpan<byte> wire, ref int position, bool isLast, List<string> values, [NotNullWhen(false)] out string? error)
    {
        var rest = wire[position..];
        var size = OptionDataTypeNames.FixedSize(type);
        if (size > 0)
        {
            if (rest.Length < size)
            {
                error = $"{rest.Length} bytes are too few for a {OptionDataTypeNames.NameOf(type)} value.";
                return false;
            }

            if (!TryDecodeFixed(type, rest[..size], out var value, out error))
            {
                return false;
            }

            values.Add(value);
            position += size;
            return true;
        }

        if (!TryDecodeVariable(definition, type, rest, isLast, out var text, out var consumed, out error))
        {
            return false;
        }

        values.Add(text);
        position += consumed;
        return true;
    }

    private static bool TryDecodeFixed(OptionDataType type, ReadOnlySpan<byte> value, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        error = null;
        var c = CultureInfo.InvariantCulture;
        text = type switch
        {
            OptionDataType.Ipv4Address => Ipv4Address.Read(value).ToString(),
            OptionDataType.Boolean => value[0] switch { 0 => "false", 1 => "true", _ => null },
            OptionDataType.Int8 => ((sbyte)value[0]).ToString(c),
            OptionDataType.Int16 => BinaryPrimitives.ReadInt16BigEndian(value).ToString(c),
            OptionDataType.Int32 => BinaryPrimitives.ReadInt32BigEndian(value).ToString(c),
            OptionDataType.UInt8 => value[0].ToString(c),
            OptionDataType.UInt16 => BinaryPrimitives.ReadUInt16BigEndian(value).ToString(c),
            OptionDataType.UInt32 => BinaryPrimitives.ReadUInt32BigEndian(value).ToString(c),
            OptionDataType.Ipv6Address => new IPAddress(value).ToString(),
            OptionDataType.Psid => DecodePsid(value),
            _ => null,
        };
        if (text is null)
        {
            error = type == OptionDataType.Boolean
                ? $"boolean byte {value[0]} is neither 0 nor 1."
                : $"a {OptionDataTypeNames.NameOf(type)} value does not decode.";
            return false;
        }

        return true;
    }

    private static string? DecodePsid(ReadOnlySpan<byte> value)
    {
        var length = value[0];
        var aligned = BinaryPrimitives.ReadUInt16BigEndian(value[1..]);
        if (length > 16 || (length == 0 && aligned != 0) || (length is > 0 and < 16 && (aligned & ((1 << (16 - length)) - 1)) != 0))
        {
            return null;
        }

        var psid = length == 0 ? 0 : aligned >> (16 - length);
        return string.Create(CultureInfo.InvariantCulture, $"{psid}/{length}");
    }

    private static bool TryDecodeVariable(
        OptionDefinition definition, OptionDataType type, ReadOnlySpan<byte> rest, bool isLast, [NotNullWhen(true)] out string? text, out int consumed, [NotNullWhen(false)] out string? error)
    {
        text = null;
        consumed = 0;
        switch (type)
        {
            case OptionDataType.Fqdn:
                if (!DnsName.TryDecode(rest, out text, out consumed, out var fullyQualified) || !fullyQualified)
                {
                    error = "a domain name is not in canonical wire format.";
                    return false;
                }

                error = null;
                return true;
            case OptionDataType.Tuple:
                return TryDecodeTuple(definition.TupleLengthSize, rest, out text, out consumed, out error);
            case OptionDataType.Ipv6Prefix:
                return TryDecodeIpv6Prefix(rest, out text, out consumed, out error);
            case OptionDataType.String or OptionDataType.Binary when isLast || definition.Type == OptionDataType.Record:
                consumed = rest.Length;
                if (type == OptionDataType.Binary)
                {
                    text = HexText.Format(rest);
                    error = null;
                    return true;
                }

                if (!TryDecodeString(rest, out text, out error) || !TryMakeCsvValue(ref text, out error))
                {
                    return false;
                }

                return true;
            default:
                error = $"a {OptionDataTypeNames.NameOf(type)} value cannot be decoded here.";
                return false;
        }
    }

    private static bool TryDecodeSingleString(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        if (!TryDecodeString(wire, out text, out error))
        {
            return false;
        }

        text = OptionData.EscapeValue(text); // Kea's csv text escapes commas in strings as "\,"
        return true;
    }

    private static bool TryDecodeString(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        text = null;
        if (wire.IsEmpty)
        {
            error = "a string value is empty.";
            return false;
        }

        try
        {
            text = StrictUtf8.GetString(wire);
        }
        catch (DecoderFallbackException)
        {
            error = "a string value is not valid UTF-8 (give it as hex with csv-format = false).";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>One value among several: commas escaped; edge spaces cannot be written (csv values are trimmed).</summary>
    private static bool TryMakeCsvValue(ref string text, [NotNullWhen(false)] out string? error)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            error = "a text field starts or ends with white space, which csv text cannot carry (use csv-format = false).";
            return false;
        }

        text = OptionData.EscapeValue(text);
        error = null;
        return true;
    }

    private static bool TryDecodeTuple(int lengthSize, ReadOnlySpan<byte> rest, [NotNullWhen(true)] out string? text, out int consumed, [NotNullWhen(false)] out string? error)
    {
        text = null;
        consumed = 0;
        if (rest.Length < lengthSize)
        {
            error = "a tuple length is truncated.";
            return false;
        }

        var length = lengthSize == 2 ? BinaryPrimitives.ReadUInt16BigEndian(rest) : rest[0];
        if (rest.Length < lengthSize + length)
        {
            error = "a tuple value is truncated.";
            return false;
        }

        var value = rest.Slice(lengthSize, length);
        if (value.IsEmpty)
        {
            text = string.Empty;
        }
        else if (!TryDecodeString(value, out text, out error) || !TryMakeCsvValue(ref text, out error))
        {
            return false;
        }

        consumed = lengthSize + length;
        error = null;
        return true;
    }

    private static bool TryDecodeIpv6Prefix(ReadOnlySpan<byte> rest, [NotNullWhen(true)] out string? text, out int consumed, [NotNullWhen(false)] out string? error)
    {
        text = null;
        consumed = 0;
        if (rest.IsEmpty || rest[0] > 128 || rest.Length < 1 + ((rest[0] + 7) / 8))
        {
            error = "an ipv6-prefix value is malformed.";
            return false;
        }

        var length = rest[0];
        var significant = (length + 7) / 8;
        var bytes = new byte[16];
        rest.Slice(1, significant).CopyTo(bytes);
        if (length % 8 != 0 && (bytes[significant - 1] & (0xFF >> (length % 8))) != 0)
        {
            error = "an ipv6-prefix value has bits set beyond its length.";
            return false;
        }

        text = string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/{length}");
        consumed = 1 + significant;
        error = null;
        return true;
    }

    private static bool TryDecodeRoutes(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        text = null;
        var routes = new List<string>();
        var position = 0;
        while (position < wire.Length)
        {
            if (!ClasslessStaticRoute.TryRead(wire[position..], out var route, out var consumed, out error))
            {
                return false;
            }

            routes.Add(route.ToString());
            position += consumed;
        }

        if (routes.Count == 0)
        {
            error = "no routes.";
            return false;
        }

        text = string.Join(", ", routes);
        error = null;
        return true;
    }

    private static bool TryDecodeClientFqdn(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        text = null;
        var fqdn = new ClientFqdnOption(wire);
        if (!fqdn.IsPresent || !fqdn.TryGetName(out var name, out _) || name.Contains(',', StringComparison.Ordinal))
        {
            error = "the flags, rcodes and name (RFC 4702 §2) do not decode.";
            return false;
        }

        text = string.Create(CultureInfo.InvariantCulture, $"{fqdn.Flags}, {fqdn.Rcode1}, {fqdn.Rcode2}, {name}");
        error = null;
        return true;
    }
}
