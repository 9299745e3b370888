using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DhcpCluster.Actors;
using DhcpCluster.Control.Configuration;
using DhcpCluster.Control.Endpoint;
using DhcpCluster.Control.Registry;
using DhcpCluster.Control.Status;
using DhcpCluster.Control.Tests.Leases;
using DhcpCluster.Hocon;
using DhcpCluster.Statistics;

namespace DhcpCluster.Control.Tests.Endpoint;

/// <summary>A node's command endpoint listening on a free loopback port, with an in-memory lease backend.</summary>
public sealed class RunningEndpoint : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private RunningEndpoint(ControlEndpoint endpoint, CommandRegistry registry, StatisticsRegistry statistics, NodeProcessStatus status, InMemoryLeaseCommandsBackend leases, RunningConfiguration configuration)
    {
        Endpoint = endpoint;
        Registry = registry;
        Statistics = statistics;
        Status = status;
        Leases = leases;
        Configuration = configuration;
        Uri = new Uri($"http://{endpoint.LocalEndPoint}/");
    }

    public ControlEndpoint Endpoint { get; }

    public CommandRegistry Registry { get; }

    public StatisticsRegistry Statistics { get; }

    public NodeProcessStatus Status { get; }

    public InMemoryLeaseCommandsBackend Leases { get; }

    public RunningConfiguration Configuration { get; }

    public Uri Uri { get; }

    /// <summary>The configuration the node "runs": a Dhcp4 section; a check that refuses a negative valid-lifetime.</summary>
    public const string NodeConfiguration = """
        Dhcp4 {
          valid-lifetime = 3600
          subnet4 = [ { id = 1, subnet = "192.0.2.0/24" }, { id = 2, subnet = "198.51.100.0/24" } ]
        }
        dhcp-cluster.cmd.port = 0
        """;

    public static async Task<RunningEndpoint> StartAsync(string? configurationFile = null, ActorSystem? system = null)
    {
        var config = ConfigFactory.ParseString(NodeConfiguration);
        var configuration = new RunningConfiguration(config, configurationFile, CheckValidLifetime);
        var statistics = new StatisticsRegistry();
        var status = new NodeProcessStatus();
        var leases = new InMemoryLeaseCommandsBackend(
        [
            new InMemoryLeaseCommandsBackend.Subnet(1, "192.0.2.0", 24, 3600),
            new InMemoryLeaseCommandsBackend.Subnet(2, "198.51.100.0", 24, 7200),
        ]);
        var registry = NodeCommandEndpoint.CreateRegistry(configuration, statistics, status, leases, system);
        var full = config.WithFallback(ConfigFactory.ReferenceConfig(typeof(ControlEndpoint).Assembly));
        var endpoint = await NodeCommandEndpoint.StartAsync(full, registry, system);
        return new RunningEndpoint(endpoint, registry, statistics, status, leases, configuration);
    }

    /// <summary>Posts a raw body; returns the HTTP status and the parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostRawAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(Uri, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text));
    }

    /// <summary>Sends a command as Kea's tools do (service dhcp4) and returns the single response of the list.</summary>
    public async Task<JsonObject> SendAsync(string command, JsonObject? arguments = null)
    {
        var request = new JsonObject { ["command"] = command, ["service"] = new JsonArray("dhcp4") };
        if (arguments is not null)
        {
            request["arguments"] = arguments.DeepClone();
        }

        var (status, body) = await PostRawAsync(request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        var list = Assert.IsType<JsonArray>(body);
        return Assert.IsType<JsonObject>(Assert.Single(list));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Endpoint.DisposeAsync();
    }

    private static IReadOnlyList<string> CheckValidLifetime(Config candidate) =>
        candidate.HasPath("Dhcp4.valid-lifetime") && candidate.GetLong("Dhcp4.valid-lifetime") < 0
            ? [$"{candidate.GetOrigin("Dhcp4.valid-lifetime")}: Dhcp4.valid-lifetime: must not be negative"]
            : [];
}
