using System.Globalization;
using DhcpCluster.Lab.Databases;
using DhcpCluster.Lab.Reference;
using Npgsql;

namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>
/// ISC Kea 2.2 (Debian's kea-dhcp4) in its best configuration for this measurement: raw sockets, warnings-only
/// logging for leases and packets, memfile with persist on (or its PostgreSQL lease backend), multi-threading on or off.
/// </summary>
internal sealed class KeaReference : IServerUnderTest
{
    private readonly bool multiThreaded;
    private readonly PostgresServer? postgres;
    private int instances;

    private KeaReference(bool multiThreaded, PostgresServer? postgres)
    {
        this.multiThreaded = multiThreaded;
        this.postgres = postgres;
    }

    public string Name => string.Create(CultureInfo.InvariantCulture, $"kea {(postgres is null ? "memfile" : "postgresql")} {(multiThreaded ? "mt" : "st")}");

    public string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"Kea 2.2 kea-dhcp4, raw sockets, {(postgres is null ? "memfile persist=true" : "postgresql lease backend")}, multi-threading {(multiThreaded ? "on (thread-pool-size 0 = per core, queue 64)" : "off")}, WARN logging");

    public static KeaReference Memfile(bool multiThreaded) => new(multiThreaded, null);

    public static KeaReference PostgreSql(bool multiThreaded, PostgresServer postgres) => new(multiThreaded, postgres);

    public async Task<RunningServer> StartAsync(BenchTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var instance = ++instances;
        string leaseDatabase;
        if (postgres is null)
        {
            var file = Path.Combine(topology.Lab.Directory, string.Create(CultureInfo.InvariantCulture, $"kea-{instance}-leases4.csv"));
            leaseDatabase = $$"""{ "type": "memfile", "persist": true, "name": "{{file}}", "lfc-interval": 0 }""";
        }
        else
        {
            var database = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync().ConfigureAwait(false)).Database!;
            await KeaServer.InitPostgresSchemaAsync(postgres.SocketDirectory, postgres.Port, database).ConfigureAwait(false);
            leaseDatabase = KeaServer.PostgresLeaseDatabase(postgres.SocketDirectory, postgres.Port, database);
        }

        var config = KeaServer.Config(
            topology.Lab, BenchTopology.ServerInterface, BenchTopology.Subnet, BenchTopology.Pool,
            extra: KeaServer.MultiThreading(multiThreaded), leaseDatabase: leaseDatabase, severity: "WARN");
        var spawned = DateTimeOffset.UtcNow;
        var process = await KeaServer.StartAsync(topology.Server, config, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return new RunningServer(Name, process, spawned);
    }
}
