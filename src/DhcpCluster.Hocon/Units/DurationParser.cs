using System.Globalization;

namespace DhcpCluster.Hocon.Units;

/// <summary>
/// Durations as HOCON writes them: a number and a unit (<c>10s</c>, <c>500 ms</c>, <c>1 minute</c>, <c>1.5h</c>),
/// or <c>infinite</c> (<see cref="Timeout.InfiniteTimeSpan"/>, as Akka.NET reads it). A number without a unit is
/// milliseconds, as Akka.NET does (the HOCON specification also says milliseconds).
/// Units: ns/nano/nanos/nanosecond(s), us/micro/micros/microsecond(s), ms/milli/millis/millisecond(s),
/// s/second(s), m/minute(s), h/hour(s), d/day(s).
/// </summary>
internal static class DurationParser
{
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        if (text.Equals("infinite", StringComparison.Ordinal))
        {
            duration = Timeout.InfiniteTimeSpan;
            return true;
        }

        var split = SplitNumber(text);
        if (split == 0)
        {
            return false;
        }

        var number = text[..split];
        var unit = text[split..].Trim();
        double ticksPerUnit;
        switch (unit)
        {
            case "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds": ticksPerUnit = TimeSpan.TicksPerMillisecond; break;
            case "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds": ticksPerUnit = 0.01; break;
            case "us" or "micro" or "micros" or "microsecond" or "microseconds": ticksPerUnit = 10; break;
            case "s" or "second" or "seconds": ticksPerUnit = TimeSpan.TicksPerSecond; break;
            case "m" or "minute" or "minutes": ticksPerUnit = TimeSpan.TicksPerMinute; break;
            case "h" or "hour" or "hours": ticksPerUnit = TimeSpan.TicksPerHour; break;
            case "d" or "day" or "days": ticksPerUnit = TimeSpan.TicksPerDay; break;
            default: return false;
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            return false;
        }

        var ticks = Math.Round(value * ticksPerUnit);
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Length of the leading number (digits, '.', exponent); 0 when there is none.</summary>
    internal static int SplitNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            digits += char.IsAsciiDigit(text[i]) ? 1 : 0;
            i++;
        }

        if (digits == 0)
        {
            return 0;
        }

        if (i + 1 < text.Length && text[i] is 'e' or 'E' && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] is '-' or '+' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }
}
