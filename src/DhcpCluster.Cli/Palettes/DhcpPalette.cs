using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DhcpCluster.Cli.Rendering;
using DhcpCluster.Commands.Leases;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Hocon;

namespace DhcpCluster.Cli.Palettes;

/// <summary>The <c>dhcp</c> palette: leases, one lease, statistics, status, configuration check.</summary>
public static class DhcpPalette
{
    /// <summary>The palette's name.</summary>
    public const string Name = "dhcp";

    /// <summary>The palette's commands.</summary>
    public static IReadOnlyList<PaletteCommand> Commands { get; } =
    [
        new(Name, "leases", "[--subnet ID]", "lists the leases (of one subnet)", CommandNames.Lease4GetAll, ["subnet"], LeasesArguments, RenderLeases, EmptyIsAnswer: true),
        new(Name, "lease", "ADDR", "shows the lease of an address", CommandNames.Lease4Get, [], LeaseArguments, RenderLease),
        new(Name, "stats", string.Empty, "lists the statistics", CommandNames.StatisticGetAll, [], NoArguments, RenderStatistics),
        new(Name, "status", string.Empty, "shows the node's status", CommandNames.StatusGet, [], NoArguments, RenderStatus),
        new(Name, "config-test", "FILE", "checks a configuration file (HOCON or Kea JSON) on the node", CommandNames.ConfigTest, [], ConfigTestArguments, RenderText),
    ];

    private static JsonObject? NoArguments(PaletteInput input)
    {
        ExpectPositional(input, 0, string.Empty);
        return null;
    }

    private static JsonObject? LeasesArguments(PaletteInput input)
    {
        ExpectPositional(input, 0, "[--subnet ID]");
        if (!input.Options.TryGetValue("subnet", out var text))
        {
            return null;
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new JsonObject { ["subnets"] = new JsonArray(id) }
            : throw new PbmUsageException($"--subnet: '{text}' is not a subnet id (1-4294967295)");
    }

    private static JsonObject LeaseArguments(PaletteInput input)
    {
        ExpectPositional(input, 1, "ADDR");
        return new JsonObject { ["ip-address"] = input.Positional[0] };
    }

    private static JsonObject ConfigTestArguments(PaletteInput input)
    {
        ExpectPositional(input, 1, "FILE");
        var file = input.Positional[0];
        Config config;
        try
        {
            config = ConfigFactory.ParseFile(file);
        }
        catch (ConfigException e)
        {
            // The HOCON library names the file, line and key (or "file not found").
            throw new PbmUsageException(e.Message, e);
        }

        return JsonNode.Parse(config.ToJson())!.AsObject();
    }

    private static void ExpectPositional(PaletteInput input, int count, string usage)
    {
        if (input.Positional.Count != count)
        {
            throw new PbmUsageException(count == 0
                ? $"unexpected argument '{input.Positional[0]}'"
                : $"expected {usage}");
        }
    }

    private static void RenderLeases(CommandResponse response, PaletteInput input, TextWriter output)
    {
        var leases = response.Arguments is null ? null : response.Arguments.Deserialize(CommandJsonContext.Default.Lease4List);
        var table = new TextTable("Address", "HW address", "Client id", "Hostname", "Subnet", "State", "Expires (UTC)");
        foreach (var lease in leases?.Leases ?? [])
        {
            table.Add(
                lease.IpAddress,
                lease.HwAddress,
                lease.ClientId ?? "-",
                lease.Hostname.Length == 0 ? "-" : lease.Hostname,
                lease.SubnetId.ToString(CultureInfo.InvariantCulture),
                StateName(lease.State),
                FormatTime(lease.Expire));
        }

        table.WriteTo(output);
        var count = leases?.Leases.Count ?? 0;
        output.WriteLine(count == 1 ? "Count: 1 lease" : string.Create(CultureInfo.InvariantCulture, $"Count: {count} leases"));
    }

    private static void RenderLease(CommandResponse response, PaletteInput input, TextWriter output)
    {
        var lease = response.Arguments!.Deserialize(CommandJsonContext.Default.Lease4)!;
        var table = new TextTable("Field", "Value");
        table.Add("ip-address", lease.IpAddress);
        table.Add("hw-address", lease.HwAddress);
        table.Add("client-id", lease.ClientId ?? "-");
        table.Add("hostname", lease.Hostname.Length == 0 ? "-" : lease.Hostname);
        table.Add("subnet-id", lease.SubnetId.ToString(CultureInfo.InvariantCulture));
        table.Add("state", StateName(lease.State));
        table.Add("valid-lft", lease.ValidLifetime.ToString(CultureInfo.InvariantCulture) + " s");
        table.Add("cltt", FormatTime(lease.ClientLastTransmissionTime));
        table.Add("expires", FormatTime(lease.Expire));
        table.Add("fqdn-fwd", lease.FqdnForward ? "yes" : "no");
        table.Add("fqdn-rev", lease.FqdnReverse ? "yes" : "no");
        if (lease.UserContext is not null)
        {
            table.Add("user-context", lease.UserContext.ToJsonString());
        }

        table.WriteTo(output);
    }

    private static void RenderStatistics(CommandResponse response, PaletteInput input, TextWriter output)
    {
        var table = new TextTable("Statistic", "Value", "Since");
        if (response.Arguments is JsonObject statistics)
        {
            foreach (var (name, samples) in statistics.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var latest = samples is JsonArray { Count: > 0 } list && list[0] is JsonArray { Count: 2 } sample ? sample : null;
                table.Add(name, latest?[0]?.ToJsonString() ?? "-", latest?[1]?.GetValue<string>() ?? "-");
            }
        }

        table.WriteTo(output);
    }

    private static void RenderStatus(CommandResponse response, PaletteInput input, TextWriter output)
    {
        var table = new TextTable("Field", "Value");
        if (response.Arguments is JsonObject status)
        {
            foreach (var (name, value) in status)
            {
                var text = value switch
                {
                    null => "-",
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                    _ => value.ToJsonString(),
                };
                table.Add(name, name is "uptime" or "reload" ? text + " s" : text);
            }
        }

        table.WriteTo(output);
    }

    private static void RenderText(CommandResponse response, PaletteInput input, TextWriter output) => output.WriteLine(response.Text ?? "ok");

    private static string StateName(int state) => state switch
    {
        Lease4.StateDefault => "assigned",
        Lease4.StateDeclined => "declined",
        Lease4.StateExpiredReclaimed => "expired-reclaimed",
        _ => state.ToString(CultureInfo.InvariantCulture),
    };

    private static string FormatTime(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
