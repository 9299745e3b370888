using System.Globalization;
using System.Text;
using DhcpCluster.Logging.Configuration;

namespace DhcpCluster.Logging.Patterns;

/// <summary>
/// A compiled log4cplus-style pattern as Kea's <c>pattern</c> takes it. Conversions: <c>%d{FMT}</c> (UTC) and
/// <c>%D{FMT}</c> (local time) with FMT in strftime style (<c>%Y %y %m %d %H %M %S %b %a %j %q</c> milliseconds,
/// <c>%Q</c> milliseconds with microsecond fraction, <c>%%</c>), <c>%p</c> severity, <c>%c</c> logger name,
/// <c>%m</c> message (id first), <c>%n</c> new line, <c>%i</c> process id, <c>%t</c> thread id, <c>%h</c> host name,
/// <c>%%</c>; each may carry a width, <c>%-5p</c> left-aligned, <c>%5p</c> right-aligned. Anything else
/// (<c>%l %L %F %M %x %X %r</c> ...) is refused when the pattern is compiled.
/// </summary>
public sealed class LogPattern
{
    /// <summary>Kea's default pattern of stdout, stderr and file outputs.</summary>
    public const string DefaultPattern = "%D{%Y-%m-%d %H:%M:%S.%q} %-5p [%c/%i.%t] %m\n";

    /// <summary>Kea's default pattern of syslog outputs (syslog adds its own time and host).</summary>
    public const string DefaultSyslogPattern = "%-5p [%c.%t] %m\n";

    private readonly Segment[] _segments;
    private readonly string _processId = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    private readonly string _hostName;

    private LogPattern(Segment[] segments, string text, string hostName)
    {
        _segments = segments;
        Text = text;
        _hostName = hostName;
    }

    /// <summary>The pattern's text.</summary>
    public string Text { get; }

    /// <summary>Compiles a pattern.</summary>
    /// <exception cref="KeaLoggingConfigurationException">An unknown conversion or malformed date format.</exception>
    public static LogPattern Compile(string pattern, string? hostName = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i++];
            if (c != '%')
            {
                literal.Append(c);
                continue;
            }

            var start = i - 1;
            var (conversion, left, width, argument) = ReadConversion(pattern, ref i);
            switch (conversion)
            {
                case '%':
                    literal.Append('%');
                    continue;
                case 'n':
                    literal.Append('\n');
                    continue;
                case 'd' or 'D' or 'p' or 'c' or 'm' or 'i' or 't' or 'h':
                    break;
                default:
                    throw new KeaLoggingConfigurationException(
                        $"pattern \"{pattern}\": unsupported conversion '{pattern[start..i]}' (supported: %d{{...}} %D{{...}} %p %c %m %n %i %t %h %%)");
            }

            if (literal.Length > 0)
            {
                segments.Add(new Segment(null, literal.ToString(), 0, false, null));
                literal.Clear();
            }

            var dateFormat = conversion is 'd' or 'D' ? DateFormat.Compile(argument ?? "%Y-%m-%d %H:%M:%S", pattern) : null;
            segments.Add(new Segment(conversion, null, width, left, dateFormat));
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(null, literal.ToString(), 0, false, null));
        }

        return new LogPattern([.. segments], pattern, hostName ?? Environment.MachineName);
    }

    /// <summary>Renders a line into <paramref name="output"/>.</summary>
    public void Render(in LogLine line, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var segment in _segments)
        {
            if (segment.Conversion is null)
            {
                output.Append(segment.Literal);
                continue;
            }

            var before = output.Length;
            switch (segment.Conversion)
            {
                case 'd':
                    segment.Date!.Render(line.Timestamp.UtcDateTime, output);
                    break;
                case 'D':
                    segment.Date!.Render(line.Timestamp.ToLocalTime().DateTime, output);
                    break;
                case 'p':
                    output.Append(line.Severity);
                    break;
                case 'c':
                    output.Append(line.LoggerName);
                    break;
                case 'm':
                    AppendMessage(line, output);
                    break;
                case 'i':
                    output.Append(_processId);
                    break;
                case 't':
                    output.Append(line.ThreadId);
                    break;
                default:
                    output.Append(_hostName);
                    break;
            }

            var written = output.Length - before;
            if (written < segment.Width)
            {
                if (segment.LeftAlign)
                {
                    output.Append(' ', segment.Width - written);
                }
                else
                {
                    output.Insert(before, " ", segment.Width - written);
                }
            }
        }
    }

    private static void AppendMessage(in LogLine line, StringBuilder output)
    {
        if (line.MessageId is not null)
        {
            output.Append(line.MessageId).Append(' ');
        }

        output.Append(line.Text);
        if (line.Exception is not null)
        {
            output.Append(Environment.NewLine).Append(line.Exception);
        }
    }

    /// <summary>Renders a line to a string.</summary>
    public string Render(in LogLine line)
    {
        var builder = new StringBuilder(128);
        Render(line, builder);
        return builder.ToString();
    }

    private static (char Conversion, bool Left, int Width, string? Argument) ReadConversion(string pattern, ref int i)
    {
        var left = i < pattern.Length && pattern[i] == '-';
        if (left)
        {
            i++;
        }

        var width = 0;
        while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
        {
            width = (width * 10) + (pattern[i++] - '0');
        }

        if (i >= pattern.Length)
        {
            throw new KeaLoggingConfigurationException($"pattern \"{pattern}\": '%' at the end");
        }

        var conversion = pattern[i++];
        string? argument = null;
        if (conversion is 'd' or 'D' && i < pattern.Length && pattern[i] == '{')
        {
            var close = pattern.IndexOf('}', i);
            if (close < 0)
            {
                throw new KeaLoggingConfigurationException($"pattern \"{pattern}\": '{{' without '}}' after %{conversion}");
            }

            argument = pattern[(i + 1)..close];
            i = close + 1;
        }

        return (conversion, left, width, argument);
    }

    private sealed record Segment(char? Conversion, string? Literal, int Width, bool LeftAlign, DateFormat? Date);
}
