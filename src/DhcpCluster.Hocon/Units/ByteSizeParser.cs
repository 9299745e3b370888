using System.Globalization;

namespace DhcpCluster.Hocon.Units;

/// <summary>
/// Sizes in bytes as the HOCON specification writes them: a number and a unit. Powers of ten: <c>kB</c>, <c>KB</c>,
/// <c>MB</c>, <c>GB</c>, <c>TB</c> (and kilobyte(s), megabyte(s)...); powers of two: <c>K</c>/<c>k</c>/<c>Ki</c>/<c>KiB</c>,
/// <c>M</c>/<c>m</c>/<c>Mi</c>/<c>MiB</c>, <c>G</c>..., <c>T</c>... (and kibibyte(s)...). <c>B</c>, <c>b</c>, byte(s) or no
/// unit: bytes.
/// </summary>
internal static class ByteSizeParser
{
    public static bool TryParse(ReadOnlySpan<char> text, out long bytes)
    {
        bytes = 0;
        text = text.Trim();
        var split = DurationParser.SplitNumber(text);
        if (split == 0)
        {
            return false;
        }

        var unit = text[split..].Trim();
        double factor;
        switch (unit)
        {
            case "" or "B" or "b" or "byte" or "bytes": factor = 1; break;
            case "kB" or "KB" or "kilobyte" or "kilobytes": factor = 1e3; break;
            case "MB" or "megabyte" or "megabytes": factor = 1e6; break;
            case "GB" or "gigabyte" or "gigabytes": factor = 1e9; break;
            case "TB" or "terabyte" or "terabytes": factor = 1e12; break;
            case "K" or "k" or "Ki" or "KiB" or "kibibyte" or "kibibytes": factor = 1L << 10; break;
            case "M" or "m" or "Mi" or "MiB" or "mebibyte" or "mebibytes": factor = 1L << 20; break;
            case "G" or "g" or "Gi" or "GiB" or "gibibyte" or "gibibytes": factor = 1L << 30; break;
            case "T" or "t" or "Ti" or "TiB" or "tebibyte" or "tebibytes": factor = 1L << 40; break;
            default: return false;
        }

        if (!double.TryParse(text[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            return false;
        }

        var result = Math.Round(value * factor);
        if (result > long.MaxValue)
        {
            return false;
        }

        bytes = (long)result;
        return true;
    }
}
