using System.Net;
using System.Text.Json.Nodes;
using DhcpCluster.Actors;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Server;
using DhcpCluster.Hocon;
using static DhcpCluster.Control.Tests.Endpoint.ResponseAssert;

namespace DhcpCluster.Control.Tests.Endpoint;

public sealed class ServerCommandTests : IAsyncLifetime
{
    private RunningEndpoint _node = null!;

    public async Task InitializeAsync() => _node = await RunningEndpoint.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Responses_are_a_list_of_one_map_as_Keas_control_agent_sends_them()
    {
        var (status, body) = await _node.PostRawAsync("""{"command": "version-get", "service": ["dhcp4"]}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var response = Assert.IsType<JsonObject>(Assert.Single(Assert.IsType<JsonArray>(body)));
        Assert.Equal(0, Result(response));
        Assert.Equal(ServerCommands.Version, Text(response));
        Assert.StartsWith("DhcpCluster " + ServerCommands.Version, Arguments(response)["extended"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_service_is_answered_too()
    {
        var (_, body) = await _node.PostRawAsync("""{"command": "status-get"}""");
        Assert.Equal(0, Result(body![0]!.AsObject()));
    }

    [Fact]
    public async Task List_commands_names_every_registered_command()
    {
        var response = await _node.SendAsync(CommandNames.ListCommands);
        Is(0, response);
        var names = Assert.IsType<JsonArray>(response["arguments"]).Select(n => n!.GetValue<string>()).ToList();
        string[] expected =
        [
            "config-get", "config-test", "config-write", "lease4-add", "lease4-del", "lease4-get", "lease4-get-all", "lease4-get-by-client-id",
            "lease4-get-by-hostname", "lease4-get-by-hw-address", "lease4-get-page", "lease4-update", "lease4-wipe", "list-commands",
            "statistic-get", "statistic-get-all", "statistic-reset", "statistic-reset-all", "status-get", "version-get",
        ];
        Assert.Equal(expected, names, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Status_get_reports_pid_uptime_and_reload_without_an_HA_section_when_HA_is_absent()
    {
        var arguments = Arguments(await _node.SendAsync(CommandNames.StatusGet));
        Assert.Equal(Environment.ProcessId, arguments["pid"]!.GetValue<int>());
        Assert.True(arguments["uptime"]!.GetValue<long>() >= 0);
        Assert.True(arguments["reload"]!.GetValue<long>() >= 0);
        Assert.False(arguments.ContainsKey("high-availability"));
    }

    [Fact]
    public async Task Status_get_includes_the_HA_section_when_a_module_provides_it()
    {
        _node.Status.HighAvailability = _ => ValueTask.FromResult<JsonArray?>([new JsonObject { ["ha-mode"] = "hot-standby" }]);
        var arguments = Arguments(await _node.SendAsync(CommandNames.StatusGet));
        Assert.Equal("hot-standby", arguments["high-availability"]![0]!["ha-mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_command_answers_2_with_Keas_text()
    {
        var response = await _node.SendAsync("frobnicate");
        Is(2, response);
        Assert.Equal("'frobnicate' command not supported.", Text(response));
        Assert.False(response.ContainsKey("arguments"));
    }

    [Fact]
    public async Task Cluster_palette_commands_answer_2_until_the_cluster_registers_them()
    {
        Is(2, await _node.SendAsync(CommandNames.ClusterShow));
        Is(2, await _node.SendAsync(CommandNames.ClusterShardingRegionStats));
    }

    [Fact]
    public async Task Shutdown_without_an_actor_system_is_unsupported()
    {
        Is(2, await _node.SendAsync(CommandNames.Shutdown));
    }

    [Theory]
    [InlineData("""{"service": ["dhcp4"]}""", "'command' parameter missing")]
    [InlineData("""{"command": "status-get", "service": ["dhcp6"]}""", "service dhcp6 is not served by this node (only 'dhcp4')")]
    public async Task Malformed_requests_answer_1(string body, string text)
    {
        var (status, response) = await _node.PostRawAsync(body);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Result(response![0]!.AsObject()));
        Assert.Equal(text, Text(response[0]!.AsObject()));
    }

    [Fact]
    public async Task Invalid_JSON_answers_HTTP_400_with_result_1()
    {
        var (status, response) = await _node.PostRawAsync("{\"command\": ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(1, Result(response![0]!.AsObject()));
        Assert.StartsWith("invalid command:", Text(response[0]!.AsObject()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_runs_the_coordinated_shutdown_with_the_exit_value()
    {
        var system = ActorSystem.Create("control-shutdown", ConfigFactory.Empty);
        await using var node = await RunningEndpoint.StartAsync(system: system);
        var response = await node.SendAsync(CommandNames.Shutdown, new JsonObject { ["exit-value"] = 3 });
        Is(0, response);
        Assert.Equal("Shutting down.", Text(response));
        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(30));
        var reason = Assert.IsType<ShutdownCommandReason>(CoordinatedShutdown.Get(system).ShutdownReason);
        Assert.Equal(3, reason.ExitValue);
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(node.Uri, new StringContent("{}")));
    }

    [Fact]
    public async Task Shutdown_refuses_an_exit_value_out_of_range()
    {
        var system = ActorSystem.Create("control-shutdown-bad", ConfigFactory.Empty);
        try
        {
            await using var node = await RunningEndpoint.StartAsync(system: system);
            var response = await node.SendAsync(CommandNames.Shutdown, new JsonObject { ["exit-value"] = 300 });
            Is(1, response);
            Assert.Null(CoordinatedShutdown.Get(system).ShutdownReason);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
