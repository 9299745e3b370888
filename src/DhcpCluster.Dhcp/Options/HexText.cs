using System.Diagnostics.CodeAnalysis;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// Hex forms of binary data as Kea accepts them with <c>csv-format = false</c>: "0A0B0C", "0x0a0b0c", "0A 0B 0C",
/// "0a:0b:0c" (groups of 1 or 2 digits between separators; an odd number of digits without separators gets a
/// leading zero).
/// </summary>
public static class HexText
{
    /// <summary>Uppercase hex without separators.</summary>
    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>Parses a hex form; false with the reason on anything else.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = null;
        var body = text.Trim();
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            body = body[2..];
        }

        if (body.IndexOfAny([' ', ':', '-']) < 0)
        {
            if (body.Length % 2 == 1)
            {
                body = "0" + body;
            }

            return TryParseDigits(text, body, out bytes, out error);
        }

        var result = new List<byte>();
        foreach (var group in body.Split([' ', ':', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (group.Length > 2 || !TryParseDigits(text, group.Length == 1 ? "0" + group : group, out var one, out error))
            {
                error = $"'{text}' is not hex data (groups of 1 or 2 hex digits between separators).";
                return false;
            }

            result.Add(one[0]);
        }

        bytes = [.. result];
        error = null;
        return true;
    }

    private static bool TryParseDigits(string text, string digits, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        bytes = null;
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                error = $"'{text}' is not hex data ('{c}' is not a hex digit).";
                return false;
            }
        }

        bytes = Convert.FromHexString(digits);
        error = null;
        return true;
    }
}
