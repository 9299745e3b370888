using DhcpCluster.Lab.Network;

namespace DhcpCluster.Server.Benchmarks;

/// <summary>
/// The one topology every server under test runs in, one server at a time: a server namespace and a load namespace
/// joined by a veth pair, both in 198.18.0.0/15; perfdhcp in the load namespace relays (giaddr 198.18.0.2) to the
/// server at 198.18.0.1, whose pool is the rest of the /15 (130,814 addresses).
/// </summary>
internal sealed class BenchTopology : IAsyncDisposable
{
    public const string Subnet = "198.18.0.0/15";
    public const string Pool = "198.18.1.0 - 198.19.255.254";
    public const int PoolSize = (2 * 65536) - 256 - 2;
    public const string ServerAddress = "198.18.0.1";
    public const string RelayAddress = "198.18.0.2";
    public const string ServerInterface = "s0";
    public const string LoadInterface = "l0";

    private BenchTopology(NetworkLab lab, LabNamespace server, LabNamespace load)
    {
        Lab = lab;
        Server = server;
        Load = load;
    }

    public NetworkLab Lab { get; }

    public LabNamespace Server { get; }

    public LabNamespace Load { get; }

    public static async Task<BenchTopology> CreateAsync()
    {
        var lab = await NetworkLab.CreateAsync("bn").ConfigureAwait(false);
        try
        {
            var server = await lab.AddNamespaceAsync("srv").ConfigureAwait(false);
            var load = await lab.AddNamespaceAsync("load").ConfigureAwait(false);
            await lab.LinkAsync(server, ServerInterface, load, LoadInterface).ConfigureAwait(false);
            await server.AddAddressAsync(ServerInterface, ServerAddress + "/15").ConfigureAwait(false);
            await load.AddAddressAsync(LoadInterface, RelayAddress + "/15").ConfigureAwait(false);
            return new BenchTopology(lab, server, load);
        }
        catch
        {
            await lab.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => Lab.DisposeAsync();
}
