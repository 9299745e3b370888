using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Databases;
using DhcpCluster.Lab.Load;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;
using Npgsql;
using Xunit.Abstractions;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>
/// dhcp-node with its lease journal on a throw-away PostgreSQL server (unix socket, reachable from the node's
/// namespace), which is stopped under load and restarted: Kea's <c>on-fail</c> behaviours, asserted on real clients.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed partial class DatabaseOutageTests(ITestOutputHelper output)
{
    private const string LoadSubnet = "198.18.0.0/16";
    private const string LoadPool = "198.18.1.0 - 198.18.63.255";
    private const string NewcomerClientId = "ff00c0ffee0001";

    [Fact]
    public async Task Serve_retry_continue_answers_known_clients_within_their_durable_expiry_hands_out_nothing_new_and_loses_nothing_acknowledged()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var lab = await NetworkLab.CreateAsync();
        var (server, load, client) = await LabAsync(lab);
        var config = NodeProcess.WriteConfig(lab, ["s0", "s1"], Subnets(), leaseDatabase: Database(postgres, connectionString, "serve-retry-continue", tries: 3, waitMs: 500));
        var node = await NodeProcess.StartAsync(server, config, "s0", "s1");

        var known = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(known);
        var before = await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 200, clients: 400, seconds: 4, extra: ["-n", "400"]);
        Assert.True(before.RequestAck?.Received > 300, before.Output);

        // Under load (new clients arriving), the database goes away.
        var during = Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 100, clients: 3000, seconds: 16, extra: ["-b", "mac=00:0c:33:00:00:00"]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await postgres.StopAsync();
        var stopped = DateTime.UtcNow;
        await node.WaitForLineAsync(DatabaseLost(), TimeSpan.FromSeconds(20));

        await DuringTheOutageAsync(node, client, known);

        await postgres.StartAsync();
        var restarted = DateTime.UtcNow;
        await node.WaitForLineAsync(DatabaseRecovered(), TimeSpan.FromSeconds(30));
        output.WriteLine($"outage {(restarted - stopped).TotalSeconds:F1} s; journal back {(DateTime.UtcNow - restarted).TotalSeconds:F1} s after PostgreSQL restarted");
        output.WriteLine("perfdhcp during the outage:\n" + (await during).Output);

        // Service resumes: the newcomer and new perfdhcp clients are served.
        var newcomerAfter = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(ClientIdHex: NewcomerClientId));
        Assert.NotNull(newcomerAfter);
        Assert.NotEqual(known.Address, newcomerAfter.Address, StringComparer.Ordinal);
        var after = await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 200, clients: 400, seconds: 3, extra: ["-n", "400", "-b", "mac=00:0c:44:00:00:00"]);
        output.WriteLine("perfdhcp after recovery:\n" + after.Output);
        Assert.True(after.RequestAck?.Received > 300, after.Output);
        Assert.Equal(0, after.RequestAck?.NonUniqueAddresses);

        Assert.Equal(0, await NodeProcess.StopAsync(node));
        var statistics = node.Lines.Last(l => l.Contains("DHCP4_STATISTICS ", StringComparison.Ordinal));
        output.WriteLine(statistics);
        Assert.True(NodeProcess.Statistic(node, "journal-write-failed") > 0, statistics);
        Assert.True(NodeProcess.Statistic(node, "refused-during-outage") > 0, statistics);
        Assert.True(NodeProcess.Statistic(node, "answered-from-durable-state") >= 2, statistics);

        AssertNoNewAddressWhileDown(node.Lines);
        await AssertEveryAcknowledgedLeaseIsStoredAsync(postgres, connectionString, node.Lines);
        Assert.True(NodeProcess.Count(node, "DHCP4_LEASE_DATABASE_LOST") >= 1);
        Assert.True(NodeProcess.Count(node, "DHCP4_LEASE_DATABASE_RECOVERED") >= 1);
    }

    [Theory]
    [InlineData("stop-retry-exit")]
    [InlineData("serve-retry-exit")]
    public async Task Exit_policies_stop_the_node_once_reconnecting_fails_and_serve_known_clients_meanwhile_only_with_serve_retry_exit(string onFail)
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var lab = await NetworkLab.CreateAsync();
        var (server, load, client) = await LabAsync(lab);
        var config = NodeProcess.WriteConfig(lab, ["s0", "s1"], Subnets(), leaseDatabase: Database(postgres, connectionString, onFail, tries: 4, waitMs: 2000));
        var node = await NodeProcess.StartAsync(server, config, "s0", "s1");
        var known = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(known);
        var before = await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 100, clients: 200, seconds: 3, extra: ["-n", "200"]);
        Assert.True(before.RequestAck?.Received > 100, before.Output);

        await postgres.StopAsync();
        var stopped = DateTime.UtcNow;
        var renewed = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(Tries: 2));
        var newcomer = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(ClientIdHex: NewcomerClientId, Tries: 2));
        Assert.Null(newcomer);
        var serves = string.Equals(onFail, "serve-retry-exit", StringComparison.Ordinal);
        if (serves)
        {
            Assert.NotNull(renewed);
            Assert.Equal(known.Address, renewed.Address);
            Assert.True(renewed.LeaseSeconds < known.LeaseSeconds, $"granted {renewed.LeaseSeconds} s during the outage");
        }
        else
        {
            Assert.Null(renewed);
        }

        // Retries exhausted (4 x 2 s): both policies exit, non-zero, saying why.
        var exit = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"on-fail={onFail}: exit code {exit} {(DateTime.UtcNow - stopped).TotalSeconds:F1} s after PostgreSQL stopped");
        Assert.Equal(1, exit);
        var reason = node.Lines.Single(l => l.Contains("DHCP4_DB_RECONNECT_FAILED", StringComparison.Ordinal));
        output.WriteLine(reason);
        Assert.Contains("on-fail=" + string.Concat(onFail.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])), reason, StringComparison.Ordinal);
        var statistics = node.Lines.Last(l => l.Contains("DHCP4_STATISTICS ", StringComparison.Ordinal));
        output.WriteLine(statistics);
        Assert.Equal(serves, NodeProcess.Statistic(node, "answered-from-durable-state") > 0);

        // Restarted with the database back: every lease acknowledged before the outage is still there.
        await postgres.StartAsync();
        var rows = await LeaseRowsAsync(postgres, connectionString);
        foreach (var (address, holder) in Acknowledged(node.Lines))
        {
            Assert.True(rows.TryGetValue(address, out var row) && string.Equals(row, holder, StringComparison.Ordinal), $"acknowledged lease {address} of {holder} is missing");
        }

        var again = await NodeProcess.StartAsync(server, config, "s0", "s1");
        var back = await Udhcpc.ObtainAsync(client, "c0");
        Assert.Equal(known.Address, back?.Address);
        Assert.Equal(0, await NodeProcess.StopAsync(again));
    }

    /// <summary>The known client is answered, its own address, never beyond its durable expiry; a newcomer gets nothing; retries run out and the node serves on.</summary>
    private static async Task DuringTheOutageAsync(LabProcess node, LabNamespace client, ClientLease known)
    {
        var renewed = await Udhcpc.ObtainAsync(client, "c0").ConfigureAwait(false);
        Assert.NotNull(renewed);
        Assert.Equal(known.Address, renewed.Address);
        Assert.NotNull(renewed.LeaseSeconds);
        Assert.True(renewed.LeaseSeconds < known.LeaseSeconds, $"granted {renewed.LeaseSeconds} s during the outage, the durable lease had {known.LeaseSeconds} s");
        var newcomer = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(ClientIdHex: NewcomerClientId, Tries: 3)).ConfigureAwait(false);
        Assert.Null(newcomer);

        // Retries are exhausted (3 x 500 ms): serve-retry-continue keeps the node up and serving known clients.
        await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        Assert.False(node.HasExited, node.Output);
        var stillKnown = await Udhcpc.ObtainAsync(client, "c0").ConfigureAwait(false);
        Assert.Equal(known.Address, stillKnown?.Address);
    }

    /// <summary>No address was acknowledged, between the loss and the recovery, to a client that did not already hold it.</summary>
    private void AssertNoNewAddressWhileDown(IReadOnlyList<string> lines)
    {
        var lost = IndexOf(lines, DatabaseLost());
        var back = IndexOf(lines, DatabaseRecovered());
        var acknowledgedBefore = Acknowledged(lines.Take(lost));
        var duringOutage = lines.Skip(lost).Take(back - lost).Select(l => LeaseAlloc().Match(l)).Where(m => m.Success).ToArray();
        output.WriteLine($"{acknowledgedBefore.Count} leases acknowledged before the outage, {duringOutage.Length} acknowledgements during it");
        Assert.NotEmpty(duringOutage);
        foreach (var ack in duringOutage)
        {
            Assert.True(
                acknowledgedBefore.TryGetValue(ack.Groups["address"].Value, out var holder) && string.Equals(holder, ack.Groups["client"].Value, StringComparison.Ordinal),
                $"{ack.Value}: a new address was handed out during the outage");
        }
    }

    /// <summary>Nothing acknowledged is lost: every acknowledged lease is in the database, with its client.</summary>
    private async Task AssertEveryAcknowledgedLeaseIsStoredAsync(PostgresServer postgres, string connectionString, IReadOnlyList<string> lines)
    {
        var acknowledged = Acknowledged(lines);
        var rows = await LeaseRowsAsync(postgres, connectionString).ConfigureAwait(false);
        output.WriteLine($"{acknowledged.Count} distinct acknowledged leases, {rows.Count} bound rows in PostgreSQL");
        foreach (var (address, holder) in acknowledged)
        {
            Assert.True(rows.TryGetValue(address, out var row), $"acknowledged lease {address} of {holder} is missing from PostgreSQL");
            Assert.Equal(holder, row);
        }
    }

    private static string[] Subnets() =>
        [NodeProcess.Subnet(1, LoadSubnet, LoadPool), NodeProcess.Subnet(2, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200")];

    private static string Database(PostgresServer postgres, string connectionString, string onFail, int tries, int waitMs) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {
                type = "postgresql", name = "{{PostgresServer.DatabaseName(connectionString)}}", host = "{{postgres.SocketDirectory}}", port = {{postgres.Port}}, user = "postgres"
                max-reconnect-tries = {{tries}}, reconnect-wait-time = {{waitMs}}, on-fail = "{{onFail}}"
              }
            """);

    /// <summary>Server with <c>s0</c> to perfdhcp (198.18.0.0/16) and <c>s1</c> to a udhcpc client (192.0.2.0/24).</summary>
    private static async Task<(LabNamespace Server, LabNamespace Load, LabNamespace Client)> LabAsync(NetworkLab lab)
    {
        var (server, load) = await NodeProcess.LoadLabAsync(lab, "sv-").ConfigureAwait(false);
        var client = await lab.AddNamespaceAsync("sv-cli").ConfigureAwait(false);
        await lab.LinkAsync(server, "s1", client, "c0").ConfigureAwait(false);
        await server.AddAddressAsync("s1", "192.0.2.1/24").ConfigureAwait(false);
        return (server, load, client);
    }

    private static int IndexOf(IReadOnlyList<string> lines, Regex pattern)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (pattern.IsMatch(lines[i]))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no line matches /{pattern}/");
    }

    private static Dictionary<string, string> Acknowledged(IEnumerable<string> lines)
    {
        var acknowledged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var match in lines.Select(l => LeaseAlloc().Match(l)).Where(m => m.Success))
        {
            acknowledged[match.Groups["address"].Value] = match.Groups["client"].Value;
        }

        return acknowledged;
    }

    private static async Task<Dictionary<string, string>> LeaseRowsAsync(PostgresServer postgres, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Host = postgres.SocketDirectory, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await using var connectionScope = connection.ConfigureAwait(false);
        await connection.OpenAsync().ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = "SELECT address, COALESCE(client_id, hwaddr) FROM dhcp4_lease WHERE state = 'bound'";
        var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var value = (uint)Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var address = string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}");
            rows[address] = reader.GetString(1);
        }

        return rows;
    }

    [GeneratedRegex(@"DHCP4_LEASE_ALLOC (?<client>\S+) tid=0x[0-9a-f]+: lease (?<address>[0-9.]+) has been allocated", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeaseAlloc();

    [GeneratedRegex("DHCP4_LEASE_DATABASE_LOST ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatabaseLost();

    [GeneratedRegex("DHCP4_LEASE_DATABASE_RECOVERED ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatabaseRecovered();
}
