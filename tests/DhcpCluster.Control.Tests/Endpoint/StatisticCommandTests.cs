using System.Globalization;
using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Statistics;
using static DhcpCluster.Control.Tests.Endpoint.ResponseAssert;

namespace DhcpCluster.Control.Tests.Endpoint;

public sealed class StatisticCommandTests : IAsyncLifetime
{
    private RunningEndpoint _node = null!;

    public async Task InitializeAsync() => _node = await RunningEndpoint.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Statistic_get_answers_Keas_sample_list()
    {
        _node.Statistics.GetOrAdd(StatisticNames.Pkt4Received).Add(125);
        var response = await _node.SendAsync(CommandNames.StatisticGet, new JsonObject { ["name"] = "pkt4-received" });
        Is(0, response);
        var sample = Assert.IsType<JsonArray>(Assert.Single(Assert.IsType<JsonArray>(Arguments(response)["pkt4-received"])));
        Assert.Equal(125, sample[0]!.GetValue<long>());
        Assert.True(DateTime.TryParseExact(sample[1]!.GetValue<string>(), "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    [Fact]
    public async Task Statistic_get_of_an_unknown_name_answers_3()
    {
        var response = await _node.SendAsync(CommandNames.StatisticGet, new JsonObject { ["name"] = "no-such-thing" });
        Is(3, response);
        Assert.Equal("No 'no-such-thing' statistic found", Text(response));
    }

    [Fact]
    public async Task Statistic_get_without_a_name_answers_1()
    {
        var response = await _node.SendAsync(CommandNames.StatisticGet, new JsonObject());
        Is(1, response);
        Assert.Equal("missing parameter 'name'", Text(response));
    }

    [Fact]
    public async Task Statistic_get_all_lists_Keas_names_ours_and_subnet_statistics()
    {
        _node.Statistics.GetOrAdd(StatisticNames.SubnetTotalAddresses(1)).Set(254);
        _node.Statistics.GetOrAdd(StatisticNames.JournalCommits).Add(2);
        _node.Statistics.GetOrAdd(StatisticNames.JournalEvents).Add(5);
        var arguments = Arguments(await _node.SendAsync(CommandNames.StatisticGetAll));
        foreach (var name in StatisticsRegistry.GlobalStatistics)
        {
            Assert.True(arguments.ContainsKey(name), name);
        }

        Assert.Equal(254, arguments["subnet[1].total-addresses"]![0]![0]!.GetValue<long>());
        Assert.Equal(2.5, arguments["journal-events-per-commit"]![0]![0]!.GetValue<double>());
    }

    [Fact]
    public async Task Statistic_reset_sets_a_statistic_back_to_zero()
    {
        _node.Statistics.GetOrAdd(StatisticNames.Pkt4AckSent).Add(7);
        var response = await _node.SendAsync(CommandNames.StatisticReset, new JsonObject { ["name"] = "pkt4-ack-sent" });
        Is(0, response);
        Assert.Equal(0, _node.Statistics.GetOrAdd(StatisticNames.Pkt4AckSent).Value);
        Is(3, await _node.SendAsync(CommandNames.StatisticReset, new JsonObject { ["name"] = "nope" }));
        Is(1, await _node.SendAsync(CommandNames.StatisticReset));
        var derived = await _node.SendAsync(CommandNames.StatisticReset, new JsonObject { ["name"] = StatisticNames.JournalEventsPerCommit });
        Is(1, derived);
        Assert.Equal("Statistic 'journal-events-per-commit' is computed from others and cannot be reset", Text(derived));
    }

    [Fact]
    public async Task Statistic_reset_all_sets_every_statistic_back_to_zero()
    {
        _node.Statistics.GetOrAdd(StatisticNames.Pkt4OfferSent).Add(7);
        _node.Statistics.GetOrAdd(StatisticNames.Pkt4NakSent).Add(1);
        Is(0, await _node.SendAsync(CommandNames.StatisticResetAll));
        Assert.All(_node.Statistics.Snapshot(), s => Assert.Equal(0, s.Value));
    }
}
