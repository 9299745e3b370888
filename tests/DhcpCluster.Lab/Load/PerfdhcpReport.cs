using System.Globalization;
using System.Text.RegularExpressions;

namespace DhcpCluster.Lab.Load;

/// <summary>A parsed perfdhcp run.</summary>
public sealed partial record PerfdhcpReport(int ExitCode, double? Rate, IReadOnlyDictionary<string, PerfdhcpExchange> Exchanges, string Output)
{
    public PerfdhcpExchange? DiscoverOffer => Exchanges.GetValueOrDefault("DISCOVER-OFFER");

    public PerfdhcpExchange? RequestAck => Exchanges.GetValueOrDefault("REQUEST-ACK");

    public static PerfdhcpReport Parse(int exitCode, string output)
    {
        var rate = RateLine().Match(output);
        var exchanges = new Dictionary<string, PerfdhcpExchange>(StringComparer.Ordinal);
        var sections = SectionHeader().Matches(output);
        for (var i = 0; i < sections.Count; i++)
        {
            var start = sections[i].Index;
            var end = i + 1 < sections.Count ? sections[i + 1].Index : output.Length;
            var body = output[start..end];
            var name = sections[i].Groups["name"].Value;
            exchanges[name] = new PerfdhcpExchange(
                name,
                Long(body, "sent packets"),
                Long(body, "received packets"),
                Long(body, "drops"),
                Number(body, "drops ratio"),
                Long(body, "rejected leases"),
                Long(body, "non unique addresses"),
                Number(body, "min delay"),
                Number(body, "avg delay"),
                Number(body, "max delay"));
        }

        return new PerfdhcpReport(exitCode, rate.Success ? double.Parse(rate.Groups["rate"].Value, CultureInfo.InvariantCulture) : null, exchanges, output);
    }

    private static long Long(string body, string label) => (long)Number(body, label);

    private static double Number(string body, string label)
    {
        var match = Regex.Match(body, "^" + Regex.Escape(label) + @":\s*(?<value>[-0-9.]+)", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return match.Success && double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
    }

    [GeneratedRegex(@"Rate:\s*(?<rate>[0-9.]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RateLine();

    // Names as perfdhcp prints them: DISCOVER-OFFER, REQUEST-ACK, "REQUEST-ACK (renewal)" with -f, RELEASE with -F.
    [GeneratedRegex(@"\*\*\*Statistics for: (?<name>[A-Z-]+(?: \([a-z]+\))?)\*\*\*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SectionHeader();
}
