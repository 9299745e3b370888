using System.Globalization;
using System.Text;
using DhcpCluster.Logging.Configuration;

namespace DhcpCluster.Logging.Patterns;

/// <summary>A strftime-style date format as log4cplus' <c>%d{...}</c> takes it, compiled to .NET format pieces.</summary>
internal sealed class DateFormat
{
    private readonly (string? Format, char Special)[] _pieces;

    private DateFormat((string? Format, char Special)[] pieces) => _pieces = pieces;

    public static DateFormat Compile(string format, string pattern)
    {
        var pieces = new List<(string?, char)>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                literal.Append(format[i]);
                continue;
            }

            if (++i >= format.Length)
            {
                throw new KeaLoggingConfigurationException($"pattern \"{pattern}\": date format \"{format}\" ends with '%'");
            }

            string? net = format[i] switch
            {
                'Y' => "yyyy",
                'y' => "yy",
                'm' => "MM",
                'd' => "dd",
                'H' => "HH",
                'M' => "mm",
                'S' => "ss",
                'b' => "MMM",
                'a' => "ddd",
                _ => null,
            };
            if (net is not null)
            {
                Flush(literal, pieces);
                pieces.Add((net, '\0'));
            }
            else if (format[i] is 'q' or 'Q' or 'j')
            {
                Flush(literal, pieces);
                pieces.Add((null, format[i]));
            }
            else if (format[i] == '%')
            {
                literal.Append('%');
            }
            else
            {
                throw new KeaLoggingConfigurationException(
                    $"pattern \"{pattern}\": date format \"{format}\": unsupported '%{format[i]}' (supported: %Y %y %m %d %H %M %S %b %a %j %q %Q %%)");
            }
        }

        Flush(literal, pieces);
        return new DateFormat([.. pieces]);
    }

    public void Render(DateTime time, StringBuilder output)
    {
        Span<char> buffer = stackalloc char[32];
        foreach (var (format, special) in _pieces)
        {
            switch (special)
            {
                case '\0':
                    Append(time, format, buffer, output);
                    break;
                case 'L':
                    output.Append(format);
                    break;
                case 'q':
                    Append(time, "fff", buffer, output);
                    break;
                case 'Q':
                    Append(time, "fff", buffer, output);
                    output.Append('.');
                    Append(time, "ffffff", buffer, output);
                    output.Remove(output.Length - 6, 3);
                    break;
                default:
                    output.Append(time.DayOfYear.ToString("000", CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    private static void Append(DateTime time, string? format, Span<char> buffer, StringBuilder output)
    {
        if (time.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            output.Append(buffer[..written]);
        }
        else
        {
            output.Append(time.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    private static void Flush(StringBuilder literal, List<(string?, char)> pieces)
    {
        if (literal.Length > 0)
        {
            pieces.Add((literal.ToString(), 'L'));
            literal.Clear();
        }
    }
}
