using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;
using DhcpCluster.Statistics;

namespace DhcpCluster.Control.Statistics;

/// <summary>
/// <c>statistic-get</c>, <c>statistic-get-all</c>, <c>statistic-reset</c> and <c>statistic-reset-all</c>, answering in
/// Kea's shape: <c>{"pkt4-received": [[value, "timestamp"]]}</c> (one sample per statistic: the current one).
/// </summary>
public static class StatisticCommands
{
    /// <summary>Registers the commands over <paramref name="statistics"/>.</summary>
    public static void Register(CommandRegistry registry, StatisticsRegistry statistics)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(statistics);
        registry.Register(CommandNames.StatisticGet, static a => a.RequiredString("name"), (name, _) =>
            ValueTask.FromResult(statistics.TryGetSample(name, out var sample)
                ? CommandResponse.Success(text: null, new JsonObject { [name] = Samples(sample) })
                : CommandResponse.Empty($"No '{name}' statistic found", new JsonObject())));
        registry.Register(CommandNames.StatisticGetAll, (_, _) =>
        {
            var all = new JsonObject();
            foreach (var sample in statistics.Snapshot())
            {
                all[sample.Name] = Samples(sample);
            }

            return ValueTask.FromResult(CommandResponse.Success(text: null, all));
        });
        registry.Register(CommandNames.StatisticReset, static a => a.RequiredString("name"), (name, _) =>
            ValueTask.FromResult(
                statistics.Reset(name) ? CommandResponse.Success($"Statistic '{name}' reset.")
                : statistics.IsDerived(name) ? CommandResponse.Error($"Statistic '{name}' is computed from others and cannot be reset")
                : CommandResponse.Empty($"No '{name}' statistic found")));
        registry.Register(CommandNames.StatisticResetAll, (_, _) =>
        {
            statistics.ResetAll();
            return ValueTask.FromResult(CommandResponse.Success("All statistics reset to neutral values (derived ones follow their sources)."));
        });
    }

    /// <summary>Kea's sample list of one statistic: <c>[[value, "timestamp"]]</c>.</summary>
    public static JsonArray Samples(StatisticSample sample)
    {
        JsonNode value = sample.IsInteger ? JsonValue.Create((long)sample.Value) : JsonValue.Create(sample.Value);
        return new JsonArray(new JsonArray(value, StatisticSampleFormat.FormatTimestamp(sample.Timestamp.ToLocalTime())));
    }
}
