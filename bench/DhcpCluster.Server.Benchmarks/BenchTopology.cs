using System.Globalization;
using DhcpCluster.Lab.Network;

namespace DhcpCluster.Server.Benchmarks;

/// <summary>
/// The one topology every server under test runs in, one server at a time: a server namespace and a load namespace
/// joined by a veth pair, both in 198.18.0.0/15; perfdhcp in the load namespace relays (giaddr 198.18.0.2) to the
/// server at 198.18.0.1, whose pool is the rest of the /15 (130,814 addresses). While the topology exists the
/// default socket receive buffer (<c>net.core.rmem_default</c>, one value for all namespaces on this kernel) is
/// <see cref="ReceiveBufferBytes"/>, and the host's value comes back when it is disposed: perfdhcp's socket, which it
/// gives no size of its own, overflowed at 212,992 bytes in bursts of replies while both cores were busy, and those
/// drops count as the server's in perfdhcp's report. Kea, which sizes no socket of its own either, gets the tuning an
/// operator would give it; our node sizes its socket itself (4 MiB).
/// </summary>
internal sealed class BenchTopology : IAsyncDisposable
{
    public const string Subnet = "198.18.0.0/15";
    public const string Pool = "198.18.1.0 - 198.19.255.254";
    public const int PoolSize = (2 * 65536) - 256 - 2;
    /// <summary>
    /// The start scenario's large subnet (a /12: 1,048,576 addresses), selected for relayed packets by the relay
    /// address (Kea's <c>relay.ip-addresses</c>). Its addresses are only ever written into OFFERs, which go unicast to
    /// the relay's giaddr in 198.18.0.0/15: no packet is addressed to this subnet, and no interface holds it.
    /// </summary>
    public const string LargeSubnet = "10.0.0.0/12";
    public const string LargePool = "10.0.0.1 - 10.15.255.254";
    public const int LargePoolSize = (16 * 65536) - 2;
    public const uint LargeSubnetId = 2;
    public const string ServerAddress = "198.18.0.1";
    public const string RelayAddress = "198.18.0.2";
    public const string ServerInterface = "s0";
    public const string LoadInterface = "l0";

    /// <summary>Default socket receive buffer in the benchmark's namespaces.</summary>
    public const int ReceiveBufferBytes = 4 * 1024 * 1024;

    private const string ReceiveBufferDefault = "/proc/sys/net/core/rmem_default";

    private readonly string hostReceiveBufferDefault;

    private BenchTopology(NetworkLab lab, LabNamespace server, LabNamespace load, string hostReceiveBufferDefault)
    {
        this.hostReceiveBufferDefault = hostReceiveBufferDefault;
        Lab = lab;
        Server = server;
        Load = load;
    }

    public NetworkLab Lab { get; }

    public LabNamespace Server { get; }

    public LabNamespace Load { get; }

    public static async Task<BenchTopology> CreateAsync(string labPrefix)
    {
        var lab = await NetworkLab.CreateAsync(labPrefix).ConfigureAwait(false);
        try
        {
            var server = await lab.AddNamespaceAsync("srv").ConfigureAwait(false);
            var load = await lab.AddNamespaceAsync("load").ConfigureAwait(false);
            await lab.LinkAsync(server, ServerInterface, load, LoadInterface).ConfigureAwait(false);
            await server.AddAddressAsync(ServerInterface, ServerAddress + "/15").ConfigureAwait(false);
            await load.AddAddressAsync(LoadInterface, RelayAddress + "/15").ConfigureAwait(false);
            var hostDefault = (await File.ReadAllTextAsync(ReceiveBufferDefault).ConfigureAwait(false)).Trim();
            await File.WriteAllTextAsync(ReceiveBufferDefault, ReceiveBufferBytes.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return new BenchTopology(lab, server, load, hostDefault);
        }
        catch
        {
            await lab.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await File.WriteAllTextAsync(ReceiveBufferDefault, hostReceiveBufferDefault).ConfigureAwait(false);
        await Lab.DisposeAsync().ConfigureAwait(false);
    }
}
