using System.Globalization;
using DhcpCluster.Control.Registry;

namespace DhcpCluster.Control.Leases;

/// <summary>Hardware addresses and client identifiers as text: lower-case hex bytes separated by colons.</summary>
public static class LeaseIdentifierText
{
    /// <summary>Normalizes <c>08:00:2B:01:02:03</c>, <c>08-00-2b-01-02-03</c> or <c>08002b010203</c> to <c>08:00:2b:01:02:03</c>.</summary>
    /// <exception cref="CommandArgumentException">The text is not hex bytes.</exception>
    public static string Normalize(string argumentName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separated = text.Contains(':', StringComparison.Ordinal) || text.Contains('-', StringComparison.Ordinal) || text.Contains(' ', StringComparison.Ordinal);
        var parts = separated ? text.Split([':', '-', ' ']) : Chunk(text);
        if (parts.Length == 0 || parts.Length > 255)
        {
            throw Invalid(argumentName, text);
        }

        var result = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 2 || !byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                throw Invalid(argumentName, text);
            }

            result[i] = value.ToString("x2", CultureInfo.InvariantCulture);
        }

        return string.Join(':', result);
    }

    private static string[] Chunk(string text)
    {
        if (text.Length == 0 || text.Length % 2 != 0)
        {
            return [];
        }

        var parts = new string[text.Length / 2];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = text.Substring(i * 2, 2);
        }

        return parts;
    }

    private static CommandArgumentException Invalid(string argumentName, string text) =>
        new($"'{argumentName}' parameter: '{text}' is not a valid identifier (hex bytes such as 08:00:2b:01:02:03)");
}
