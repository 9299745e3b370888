using System.Diagnostics.CodeAnalysis;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// Converts option data between Kea's configuration text (<c>option-data</c>'s <c>data</c>, with
/// <c>csv-format</c>) and wire bytes, following the option's definition.
/// </summary>
/// <remarks>
/// Text form (csv-format = true, Kea's default): comma-separated values, one per array element or record field
/// ("192.0.2.1, 192.0.2.2"; "true, 192.0.2.9"); a literal comma inside a value is written "\,". A single string
/// value takes the whole text. Binary values are hex. Booleans are true/false (1/0 accepted), integers decimal
/// (0x hex accepted), fqdn values domain names ("example.com", written back with the trailing dot),
/// classless-static-route "10.0.0.0/8 - 192.0.2.1, 0.0.0.0/0 - 192.0.2.1", psid "PSID/length".
/// With csv-format = false the data is hex ("0A 0B", "0x0a0b", "0a:0b") and is checked against the definition.
/// </remarks>
public static class OptionData
{
    /// <summary>Encodes the text to wire bytes.</summary>
    /// <exception cref="OptionDataException">The text does not match the definition; the message names the option.</exception>
    public static byte[] Encode(OptionDefinition definition, string data, bool csvFormat = true)
    {
        if (!TryEncode(definition, data, csvFormat, out var bytes, out var error))
        {
            throw new OptionDataException(error);
        }

        return bytes;
    }

    /// <summary>Encodes the text to wire bytes; false with a message such as "routers: '192.0.2.x' is not an IPv4 address".</summary>
    public static bool TryEncode(
        OptionDefinition definition, string data, bool csvFormat, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(data);
        bytes = null;
        if (!csvFormat)
        {
            if (!HexText.TryParse(data, out var raw, out error))
            {
                error = $"{definition.Name}: {error}";
                return false;
            }

            if (definition.Type != OptionDataType.Empty && !OptionDataDecoder.TryDecode(definition, raw, out _, out error))
            {
                error = $"{definition.Name}: the hex data does not match type {definition.TypeText}{(definition.IsArray ? " array" : string.Empty)}: {error}";
                return false;
            }

            bytes = raw;
            return true;
        }

        var encoder = new OptionDataEncoder(definition);
        if (!encoder.TryEncode(data, out error))
        {
            error = $"{definition.Name}: {error}";
            return false;
        }

        bytes = encoder.ToArray();
        if (bytes.Length > ushort.MaxValue)
        {
            error = $"{definition.Name}: the data is {bytes.Length} bytes, more than any message can carry.";
            bytes = null;
            return false;
        }

        return true;
    }

    /// <summary>
    /// Decodes wire bytes to the text form (csv-format = true). An option of type empty that carries sub-options
    /// decodes to their hex form, to be given back with csv-format = false.
    /// </summary>
    /// <exception cref="OptionDataException">The bytes do not match the definition.</exception>
    public static string Decode(OptionDefinition definition, ReadOnlySpan<byte> wire)
    {
        if (!TryDecode(definition, wire, out var text, out var error))
        {
            throw new OptionDataException(error);
        }

        return text;
    }

    /// <summary>Decodes wire bytes to the text form; false with the reason when they do not match the definition.</summary>
    public static bool TryDecode(OptionDefinition definition, ReadOnlySpan<byte> wire, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Type == OptionDataType.Empty)
        {
            text = HexText.Format(wire);
            error = null;
            return true;
        }

        if (!OptionDataDecoder.TryDecode(definition, wire, out text, out error))
        {
            error = $"{definition.Name}: {error}";
            return false;
        }

        return true;
    }

    /// <summary>Splits csv text on unescaped commas, trims each value and turns "\," into ",".</summary>
    internal static List<string> SplitValues(string data)
    {
        var values = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == '\\' && i + 1 < data.Length && data[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (data[i] == ',')
            {
                values.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(data[i]);
            }
        }

        values.Add(current.ToString().Trim());
        return values;
    }

    /// <summary>The inverse of <see cref="SplitValues"/> for one value.</summary>
    internal static string EscapeValue(string value) => value.Replace(",", "\\,", StringComparison.Ordinal);
}
