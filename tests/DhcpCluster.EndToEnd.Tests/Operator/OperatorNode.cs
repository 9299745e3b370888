using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DhcpCluster.EndToEnd.Tests.Server;
using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Operator;

/// <summary>
/// A running <c>dhcp-node</c> in a namespace lab (namespaces <c>opsrv</c>/<c>opcli</c>), two subnets (1 on the link,
/// 2 elsewhere), its command endpoint on 127.0.0.1:9110 inside the server namespace, reached with curl (Kea-style
/// JSON) and with the built <c>pbm</c>.
/// </summary>
internal sealed class OperatorNode : IAsyncDisposable
{
    public const string ServerInterface = "op0";
    public const string ClientInterface = "op1";
    public const string Endpoint = "http://127.0.0.1:9110/";

    private OperatorNode(NetworkLab lab, LabNamespace server, LabNamespace client, string configPath, LabProcess node)
    {
        Lab = lab;
        Server = server;
        Client = client;
        ConfigPath = configPath;
        Node = node;
    }

    public static string PbmDll => Path.Combine(AppContext.BaseDirectory, "pbm.dll");

    public NetworkLab Lab { get; }

    public LabNamespace Server { get; }

    public LabNamespace Client { get; }

    public string ConfigPath { get; }

    public LabProcess Node { get; private set; }

    public static async Task<OperatorNode> StartAsync(string extra = "")
    {
        var lab = await NetworkLab.CreateAsync().ConfigureAwait(false);
        try
        {
            var server = await lab.AddNamespaceAsync("opsrv").ConfigureAwait(false);
            var client = await lab.AddNamespaceAsync("opcli").ConfigureAwait(false);
            await lab.LinkAsync(server, ServerInterface, client, ClientInterface).ConfigureAwait(false);
            await server.AddAddressAsync(ServerInterface, "192.0.2.1/24").ConfigureAwait(false);
            var config = NodeProcess.WriteConfig(
                lab,
                [ServerInterface],
                [
                    NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199"),
                    NodeProcess.Subnet(2, "198.51.100.0/24", "198.51.100.10 - 198.51.100.19"),
                ],
                name: "op",
                extra: extra,
                severity: "INFO");
            var node = await StartNodeAsync(server, config).ConfigureAwait(false);
            return new OperatorNode(lab, server, client, config, node);
        }
        catch
        {
            await lab.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the node with SIGTERM and starts it again on the same journal.</summary>
    public async Task RestartAsync()
    {
        Assert.Equal(0, await NodeProcess.StopAsync(Node).ConfigureAwait(false));
        Node = await StartNodeAsync(Server, ConfigPath).ConfigureAwait(false);
    }

    /// <summary>Stops the node with SIGTERM and starts it with another configuration file.</summary>
    public async Task RestartWithAsync(string configPath)
    {
        Assert.Equal(0, await NodeProcess.StopAsync(Node).ConfigureAwait(false));
        Node = await StartNodeAsync(Server, configPath).ConfigureAwait(false);
    }

    /// <summary>udhcpc in the client namespace obtains a lease.</summary>
    public async Task<ClientLease> ObtainLeaseAsync()
    {
        var lease = await Udhcpc.ObtainAsync(Client, ClientInterface).ConfigureAwait(false);
        Assert.True(lease is not null, "udhcpc obtained no lease:\n" + Node.Output);
        return lease;
    }

    /// <summary>The client interface's MAC address.</summary>
    public async Task<string> ClientMacAsync() =>
        (await Client.ExecAsync("cat", $"/sys/class/net/{ClientInterface}/address").ConfigureAwait(false)).EnsureSuccess().StandardOutput.Trim();

    /// <summary>POSTs a Kea command with curl; checks Kea's HTTP form (a JSON list of one response) and returns that response.</summary>
    public async Task<JsonObject> CommandAsync(string command, JsonObject? arguments = null)
    {
        var request = new JsonObject { ["command"] = command, ["service"] = new JsonArray("dhcp4") };
        if (arguments is not null)
        {
            request["arguments"] = arguments.DeepClone();
        }

        return await PostAsync(request.ToJsonString()).ConfigureAwait(false);
    }

    /// <summary>POSTs a raw body; returns the single response of the list.</summary>
    public async Task<JsonObject> PostAsync(string body)
    {
        var result = (await Server.ExecAsync("curl", ["-s", "-S", "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", body, Endpoint]).ConfigureAwait(false)).EnsureSuccess();
        var list = Assert.IsType<JsonArray>(JsonNode.Parse(result.StandardOutput));
        var response = Assert.IsType<JsonObject>(Assert.Single(list));
        Assert.True(response.ContainsKey("result"), result.StandardOutput);
        return response;
    }

    /// <summary>Runs the built pbm inside the server namespace.</summary>
    public Task<CommandResult> PbmAsync(params string[] arguments) =>
        Server.ExecAsync("dotnet", [PbmDll, .. arguments], TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync() => await Lab.DisposeAsync().ConfigureAwait(false);

    private static async Task<LabProcess> StartNodeAsync(LabNamespace server, string config)
    {
        var node = await NodeProcess.StartAsync(server, config, ServerInterface).ConfigureAwait(false);
        await node.WaitForLineAsync(new Regex("COMMAND_ENDPOINT_LISTENING", RegexOptions.None, TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return node;
    }
}
