using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Databases;
using Npgsql;

namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>
/// Our dhcp-node, as operators run it: the default durability (an ACK only after its lease event is committed:
/// SQLite WAL with synchronous=FULL, or PostgreSQL with synchronous_commit=on), INFO logging (nothing per packet),
/// and the runtime settings of the docker image (<see cref="ImageRuntimeEnvironment"/>).
/// </summary>
internal sealed partial class DhcpNodeServer : IServerUnderTest
{
    private readonly PostgresServer? postgres;
    private readonly string? passivateAfter;
    private readonly bool withoutSync;
    private readonly IReadOnlyDictionary<string, string> runtimeEnvironment = ImageRuntimeEnvironment.Read();
    private int instances;

    private DhcpNodeServer(string name, PostgresServer? postgres, string? passivateAfter, bool withoutSync = false)
    {
        Name = name;
        this.postgres = postgres;
        this.passivateAfter = passivateAfter;
        this.withoutSync = withoutSync;
    }

    public string Name { get; }

    public string Description => postgres is null
        ? $"dhcp-node, SQLite journal (WAL, synchronous={(withoutSync ? "NORMAL: no fsync per commit" : "FULL")}, group commit), INFO logging" + RuntimeText
        : "dhcp-node, PostgreSQL journal (synchronous_commit=on, group commit), INFO logging" + RuntimeText;

    private string RuntimeText => string.Concat(runtimeEnvironment.Select(pair => $", {pair.Key}={pair.Value}"));

    /// <summary>Path of the SQLite journal of the last start (for seeding and checks).</summary>
    public string? LastJournalFile { get; private set; }

    public static DhcpNodeServer Sqlite(string? passivateAfter = null) => new("dhcp-node sqlite", null, passivateAfter);

    /// <summary>
    /// Not our default: the SQLite journal with synchronous=normal, so a commit is not fsynced and an acknowledged lease
    /// survives a crash of the process but not of the machine, as with Kea's memfile (which does not fsync either).
    /// Measured beside the default to show what the fsync costs; never counted as our figure.
    /// </summary>
    public static DhcpNodeServer SqliteWithoutSync() => new("dhcp-node sqlite" + WithoutSyncSuffix, null, null, withoutSync: true);

    /// <summary>The end of <see cref="SqliteWithoutSync"/>'s name (never counted as our figure).</summary>
    public const string WithoutSyncSuffix = ", no fsync";

    public static DhcpNodeServer PostgreSql(PostgresServer postgres) => new("dhcp-node postgresql", postgres, null);

    /// <summary>
    /// The HOCON configuration of one instance; <paramref name="leaseDatabase"/> is the lease-database object. With
    /// <paramref name="largeSubnet"/>, the start scenario's subnet 2 (<see cref="BenchTopology.LargeSubnet"/>) comes
    /// first and is selected for the relay's packets by its <c>relay.ip-addresses</c>.
    /// </summary>
    public string ConfigText(string leaseDatabase, bool largeSubnet = false) => $$"""
        Dhcp4 {
          interfaces-config { interfaces = [ "{{BenchTopology.ServerInterface}}" ] }
          lease-database {{leaseDatabase}}
          valid-lifetime = 4000
          renew-timer = 1000
          rebind-timer = 2000
          authoritative = true
          subnet4 = [ {{(largeSubnet ? LargeSubnetText : string.Empty)}}{ id = 1, subnet = "{{BenchTopology.Subnet}}", pools = [ { pool = "{{BenchTopology.Pool}}" } ] } ]
          loggers = [ { name = "kea-dhcp4", severity = "INFO" } ]
        }
        {{(passivateAfter is null ? string.Empty : "dhcp-cluster.server.passivate-idle-client-after = " + passivateAfter)}}
        {{(withoutSync ? "dhcp-cluster.persistence.journal.sqlite-synchronous = normal" : string.Empty)}}
        """;

    public async Task<RunningServer> StartAsync(BenchTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var instance = ++instances;
        var leaseDatabase = await FreshLeaseDatabaseAsync(topology, instance).ConfigureAwait(false);
        return await StartWithAsync(topology, leaseDatabase, instance).ConfigureAwait(false);
    }

    /// <summary>Starts an instance over an existing SQLite journal (the start-time figure), with or without the large subnet.</summary>
    public Task<RunningServer> StartOnJournalAsync(BenchTopology topology, string journalFile, bool largeSubnet = false) =>
        StartWithAsync(topology, $$"""{ type = "sqlite", name = "{{journalFile}}" }""", ++instances, waitUntilServing: false, largeSubnet);

    /// <summary>A new SQLite file, or a new PostgreSQL database, for one instance.</summary>
    public async Task<string> FreshLeaseDatabaseAsync(BenchTopology topology, int instance)
    {
        ArgumentNullException.ThrowIfNull(topology);
        if (postgres is null)
        {
            LastJournalFile = Path.Combine(topology.Lab.Directory, string.Create(CultureInfo.InvariantCulture, $"node-{instance}.db"));
            return $$"""{ type = "sqlite", name = "{{LastJournalFile}}" }""";
        }

        var database = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync().ConfigureAwait(false)).Database;
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{ type = "postgresql", name = "{{database}}", host = "{{postgres.SocketDirectory}}", port = {{postgres.Port}}, user = "postgres" }""");
    }

    private static string LargeSubnetText => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{ id = {{BenchTopology.LargeSubnetId}}, subnet = "{{BenchTopology.LargeSubnet}}", pools = [ { pool = "{{BenchTopology.LargePool}}" } ], relay = { ip-addresses = [ "{{BenchTopology.RelayAddress}}" ] } }, """);

    private async Task<RunningServer> StartWithAsync(BenchTopology topology, string leaseDatabase, int instance, bool waitUntilServing = true, bool largeSubnet = false)
    {
        var config = topology.Lab.WriteFile(string.Create(CultureInfo.InvariantCulture, $"node-{instance}.conf"), ConfigText(leaseDatabase, largeSubnet));
        var spawned = DateTimeOffset.UtcNow;
        var process = topology.Server.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "dhcp-node.dll"), "--config", config], runtimeEnvironment);
        var server = new RunningServer(Name, process, spawned);
        if (waitUntilServing)
        {
            try
            {
                await process.WaitForLineAsync(Opened(), TimeSpan.FromSeconds(120)).ConfigureAwait(false);
                await process.WaitForLineAsync(Recovered(), TimeSpan.FromSeconds(120)).ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return server;
    }

    [GeneratedRegex("DHCP4_OPEN_SOCKET listening on s0 ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Opened();

    [GeneratedRegex("DHCP4_POOL_OWNER_RECOVERED", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Recovered();
}
