using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Hocon;
using static DhcpCluster.Control.Tests.Endpoint.ResponseAssert;

namespace DhcpCluster.Control.Tests.Endpoint;

public sealed class ConfigCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("control-config-").FullName;
    private RunningEndpoint _node = null!;

    private string ConfigFile => Path.Combine(_directory, "node.conf");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(ConfigFile, RunningEndpoint.NodeConfiguration);
        _node = await RunningEndpoint.StartAsync(ConfigFile);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Config_get_returns_the_running_configuration_as_JSON()
    {
        var arguments = Arguments(await _node.SendAsync(CommandNames.ConfigGet));
        Assert.Equal(3600, arguments["Dhcp4"]!["valid-lifetime"]!.GetValue<int>());
        Assert.Equal("192.0.2.0/24", arguments["Dhcp4"]!["subnet4"]![0]!["subnet"]!.GetValue<string>());
    }

    [Fact]
    public async Task Config_test_accepts_a_sane_configuration()
    {
        var response = await _node.SendAsync(CommandNames.ConfigTest, new JsonObject { ["Dhcp4"] = new JsonObject { ["valid-lifetime"] = 60 } });
        Is(0, response);
        Assert.Equal("Configuration seems sane.", Text(response));
    }

    [Fact]
    public async Task Config_test_reports_the_checks_problems_with_1()
    {
        var response = await _node.SendAsync(CommandNames.ConfigTest, new JsonObject { ["Dhcp4"] = new JsonObject { ["valid-lifetime"] = -5 } });
        Is(1, response);
        Assert.Contains("Dhcp4.valid-lifetime: must not be negative", Text(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_test_without_a_configuration_answers_1()
    {
        var response = await _node.SendAsync(CommandNames.ConfigTest);
        Is(1, response);
        Assert.Equal("parameters missing or are not a map", Text(response));
    }

    [Fact]
    public async Task Config_write_writes_the_running_configuration_next_to_the_loaded_file()
    {
        var response = await _node.SendAsync(CommandNames.ConfigWrite, new JsonObject { ["filename"] = "saved.json" });
        Is(0, response);
        var target = Path.Combine(_directory, "saved.json");
        Assert.Equal(target, Arguments(response)["filename"]!.GetValue<string>());
        Assert.Equal(new FileInfo(target).Length, Arguments(response)["size"]!.GetValue<long>());
        var written = ConfigFactory.ParseFile(target);
        Assert.Equal(3600, written.GetInt("Dhcp4.valid-lifetime"));
    }

    [Fact]
    public async Task Config_write_refuses_a_file_outside_the_configuration_directory()
    {
        var response = await _node.SendAsync(CommandNames.ConfigWrite, new JsonObject { ["filename"] = "../escape.json" });
        Is(1, response);
        Assert.Contains("outside the configuration directory", Text(response), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_directory)!, "escape.json")));
    }

    [Fact]
    public async Task Config_write_with_a_non_string_filename_answers_1()
    {
        var response = await _node.SendAsync(CommandNames.ConfigWrite, new JsonObject { ["filename"] = 5 });
        Is(1, response);
        Assert.Equal("'filename' parameter must be a string", Text(response));
    }
}
