using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DhcpCluster.Dhcp.Options;

/// <summary>Encodes Kea's csv text of one option to wire bytes (see <see cref="OptionData"/>).</summary>
internal sealed class OptionDataEncoder(OptionDefinition definition)
{
    private readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    public bool TryEncode(string data, [NotNullWhen(false)] out string? error)
    {
        switch (definition.Type)
        {
            case OptionDataType.Empty:
                error = data.Trim().Length == 0
                    ? null
                    : $"type 'empty' takes no data; give the sub-options as hex with csv-format = false.";
                return error is null;
            case OptionDataType.String when !definition.IsArray:
                return TryEncodeValue(OptionDataType.String, data.Replace("\\,", ",", StringComparison.Ordinal), out error);
            case OptionDataType.Internal:
                return TryEncodeRoutes(data, out error);
            case OptionDataType.Record when definition.Code == 81 && string.Equals(definition.Space, OptionDefinition.Dhcp4Space, StringComparison.Ordinal):
                return TryEncodeClientFqdn(data, out error);
            default:
                break;
        }

        var values = OptionData.SplitValues(data);
        if (definition.Type == OptionDataType.Record)
        {
            return TryEncodeRecord(values, out error);
        }

        if (!definition.IsArray && values.Count != 1)
        {
            error = $"expects one {OptionDataTypeNames.NameOf(definition.Type)} value, got {values.Count}.";
            return false;
        }

        foreach (var value in values)
        {
            if (!TryEncodeValue(definition.Type, value, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private bool TryEncodeRecord(List<string> values, [NotNullWhen(false)] out string? error)
    {
        var fields = definition.RecordTypes;
        var countOk = definition.IsArray ? values.Count >= fields.Length : values.Count == fields.Length;
        if (!countOk)
        {
            error = $"expects {(definition.IsArray ? "at least " : string.Empty)}{fields.Length} values for {definition.TypeText}, got {values.Count}.";
            return false;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!TryEncodeValue(fields[Math.Min(i, fields.Length - 1)], values[i], out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private bool TryEncodeRoutes(string data, [NotNullWhen(false)] out string? error)
    {
        Span<byte> wire = stackalloc byte[9];
        foreach (var text in OptionData.SplitValues(data))
        {
            if (!ClasslessStaticRoute.TryParse(text, out var route, out error))
            {
                return false;
            }

            var n = route.WriteTo(wire);
            foreach (var b in wire[..n])
            {
                _bytes.Add(b);
            }
        }

        error = null;
        return true;
    }

    private bool TryEncodeClientFqdn(string data, [NotNullWhen(false)] out string? error)
    {
        var values = OptionData.SplitValues(data);
        if (values.Count != 4)
        {
            error = $"expects 4 values (flags, rcode1, rcode2, name), got {values.Count}.";
            return false;
        }

        byte[] header = new byte[3];
        for (var i = 0; i < 3; i++)
        {
            if (!TryParseInteger(values[i], 0, byte.MaxValue, out var v, out error))
            {
                return false;
            }

            header[i] = (byte)v;
        }

        var buffer = new byte[3 + DnsName.MaxEncodedLength + 1];
        try
        {
            var name = values[3];
            var n = ClientFqdnOption.Write(buffer, header[0], name, name.EndsWith('.'), header[1], header[2]);
            _bytes.AddRange(buffer.AsSpan(0, n));
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }

        error = null;
        return true;
    }

    private bool TryEncodeValue(OptionDataType type, string value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (type)
        {
            case OptionDataType.Ipv4Address:
                if (!Ipv4Address.TryParse(value, out var address))
                {
                    error = $"'{value}' is not an IPv4 address.";
                    return false;
                }

                AddUInt32(address.Value);
                return true;
            case OptionDataType.Boolean:
                return TryEncodeBoolean(value, out error);
            case OptionDataType.Int8: return TryEncodeInteger(value, sbyte.MinValue, sbyte.MaxValue, 1, out error);
            case OptionDataType.Int16: return TryEncodeInteger(value, short.MinValue, short.MaxValue, 2, out error);
            case OptionDataType.Int32: return TryEncodeInteger(value, int.MinValue, int.MaxValue, 4, out error);
            case OptionDataType.UInt8: return TryEncodeInteger(value, 0, byte.MaxValue, 1, out error);
            case OptionDataType.UInt16: return TryEncodeInteger(value, 0, ushort.MaxValue, 2, out error);
            case OptionDataType.UInt32: return TryEncodeInteger(value, 0, uint.MaxValue, 4, out error);
            case OptionDataType.String:
                if (value.Length == 0)
                {
                    error = "a string value is empty.";
                    return false;
                }

                _bytes.AddRange(Encoding.UTF8.GetBytes(value));
                return true;
            case OptionDataType.Binary:
                if (!HexText.TryParse(value, out var raw, out error))
                {
                    return false;
                }

                _bytes.AddRange(raw);
                return true;
            default:
                return TryEncodeStructured(type, value, out error);
        }
    }

    private bool TryEncodeStructured(OptionDataType type, string value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (type)
        {
            case OptionDataType.Fqdn:
                var buffer = new byte[DnsName.MaxEncodedLength + 1];
                if (!DnsName.TryEncode(value, fullyQualified: true, buffer, out var n, out error))
                {
                    return false;
                }

                _bytes.AddRange(buffer.AsSpan(0, n));
                return true;
            case OptionDataType.Tuple:
                return TryEncodeTuple(value, out error);
            case OptionDataType.Ipv6Address:
                if (!IPAddress.TryParse(value, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    error = $"'{value}' is not an IPv6 address.";
                    return false;
                }

                _bytes.AddRange(v6.GetAddressBytes());
                return true;
            case OptionDataType.Ipv6Prefix:
                return TryEncodeIpv6Prefix(value, out error);
            case OptionDataType.Psid:
                return TryEncodePsid(value, out error);
            default:
                error = $"type '{OptionDataTypeNames.NameOf(type)}' cannot be given as a value.";
                return false;
        }
    }

    private bool TryEncodeTuple(string value, [NotNullWhen(false)] out string? error)
    {
        var text = Encoding.UTF8.GetBytes(value);
        var max = definition.TupleLengthSize == 2 ? ushort.MaxValue : byte.MaxValue;
        if (text.Length > max)
        {
            error = $"a tuple value is longer than {max} bytes.";
            return false;
        }

        if (definition.TupleLengthSize == 2)
        {
            _bytes.Add((byte)(text.Length >> 8));
        }

        _bytes.Add((byte)text.Length);
        _bytes.AddRange(text);
        error = null;
        return true;
    }

    private bool TryEncodeIpv6Prefix(string value, [NotNullWhen(false)] out string? error)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(value.AsSpan(0, slash).Trim(), out var prefix) || prefix.AddressFamily != AddressFamily.InterNetworkV6
            || !int.TryParse(value.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > 128)
        {
            error = $"'{value}' is not an IPv6 prefix (e.g. 2001:db8::/32).";
            return false;
        }

        var bytes = prefix.GetAddressBytes();
        _bytes.Add((byte)length);
        _bytes.AddRange(bytes.AsSpan(0, (length + 7) / 8));
        error = null;
        return true;
    }

    private bool TryEncodePsid(string value, [NotNullWhen(false)] out string? error)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryParseInteger(value[..slash].Trim(), 0, ushort.MaxValue, out var psid, out _)
            || !TryParseInteger(value[(slash + 1)..].Trim(), 0, 16, out var length, out _))
        {
            error = $"'{value}' is not a PSID (expected PSID/length, e.g. 3/4).";
            return false;
        }

        if (psid >> (int)length != 0)
        {
            error = $"PSID {psid} does not fit in {length} bits.";
            return false;
        }

        _bytes.Add((byte)length);
        var aligned = length == 0 ? 0 : (ushort)(psid << (16 - (int)length));
        _bytes.Add((byte)(aligned >> 8));
        _bytes.Add((byte)aligned);
        error = null;
        return true;
    }

    private bool TryEncodeBoolean(string value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "1", StringComparison.Ordinal))
        {
            _bytes.Add(1);
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "0", StringComparison.Ordinal))
        {
            _bytes.Add(0);
            return true;
        }

        error = $"'{value}' is not a boolean (true or false).";
        return false;
    }

    private bool TryEncodeInteger(string value, long min, long max, int size, [NotNullWhen(false)] out string? error)
    {
        if (!TryParseInteger(value, min, max, out var v, out error))
        {
            return false;
        }

        Span<byte> wire = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(wire, v);
        foreach (var b in wire[(8 - size)..])
        {
            _bytes.Add(b);
        }

        return true;
    }

    private static bool TryParseInteger(string value, long min, long max, out long result, [NotNullWhen(false)] out string? error)
    {
        var ok = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result)
            : long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
        if (!ok)
        {
            error = $"'{value}' is not an integer.";
            return false;
        }

        if (result < min || result > max)
        {
            error = $"'{value}' is outside {min}-{max}.";
            return false;
        }

        error = null;
        return true;
    }

    private void AddUInt32(uint value)
    {
        _bytes.Add((byte)(value >> 24));
        _bytes.Add((byte)(value >> 16));
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
    }
}
