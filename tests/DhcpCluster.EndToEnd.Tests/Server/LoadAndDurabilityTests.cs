using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Load;
using DhcpCluster.Lab.Network;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>perfdhcp load, kill -9 durability, the boot race and a link flapping under load.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed partial class LoadAndDurabilityTests(ITestOutputHelper output)
{
    private const string LoadSubnet = "198.18.0.0/16";
    private const string LoadPool = "198.18.1.0 - 198.18.63.255";

    [Fact]
    public async Task Perfdhcp_with_ten_thousand_clients_gets_unique_addresses_and_no_rejected_lease()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var (server, load) = await LoadLabAsync(lab);
        var config = NodeProcess.WriteConfig(lab, ["s0"], [NodeProcess.Subnet(1, LoadSubnet, LoadPool)], severity: "INFO");
        var node = await NodeProcess.StartAsync(server, config, "s0");

        var report = await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 1000, clients: 10000, seconds: 30, extra: ["-n", "10000", "-u"]);
        output.WriteLine("perfdhcp -4 -l 198.18.0.2 -r 1000 -R 10000 -p 30 -n 10000 -u 198.18.0.1\n" + report.Output);

        Assert.NotNull(report.DiscoverOffer);
        Assert.NotNull(report.RequestAck);
        Assert.Equal(0, report.DiscoverOffer.NonUniqueAddresses);
        Assert.Equal(0, report.RequestAck.NonUniqueAddresses);
        Assert.Equal(0, report.DiscoverOffer.RejectedLeases);
        Assert.Equal(0, report.RequestAck.RejectedLeases);
        Assert.True(report.RequestAck.Received >= 9000, report.Output);

        Assert.Equal(0, await NodeProcess.StopAsync(node));
        var journal = node.Lines.Last(l => l.Contains("DHCP4_JOURNAL_STATISTICS", StringComparison.Ordinal));
        output.WriteLine(journal);
        Assert.Equal(CountLeaseRows(NodeProcess.DatabasePath(lab)), NodeProcess.Statistic(node, "lease4-bound"));
    }

    [Fact]
    public async Task After_kill_9_right_after_a_burst_of_acks_every_acknowledged_lease_is_there_and_no_address_moves()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var (server, load) = await LoadLabAsync(lab);
        var config = NodeProcess.WriteConfig(lab, ["s0"], [NodeProcess.Subnet(1, LoadSubnet, LoadPool)]);
        var node = await NodeProcess.StartAsync(server, config, "s0");
        await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 500, clients: 1500, seconds: 4, extra: ["-n", "1500"]);
        await node.SignalAsync(9);
        await node.WaitForExitAsync(TimeSpan.FromSeconds(10));

        var acknowledged = node.Lines.Select(l => LeaseAlloc().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["address"].Value, m => m.Groups["client"].Value, StringComparer.Ordinal);
        output.WriteLine($"{acknowledged.Count} leases acknowledged before kill -9");
        Assert.True(acknowledged.Count > 100, node.Output);
        var rows = LeaseRows(NodeProcess.DatabasePath(lab));
        foreach (var (address, client) in acknowledged)
        {
            Assert.True(rows.TryGetValue(address, out var holder), $"acknowledged lease {address} of {client} is missing after kill -9");
            Assert.Equal(client, holder);
        }

        // Restarted: new clients (another MAC range) never get an address acknowledged to someone else.
        var restarted = await NodeProcess.StartAsync(server, config, "s0");
        await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 500, clients: 1000, seconds: 3, extra: ["-n", "1000", "-b", "mac=00:0c:77:00:00:00"]);
        Assert.Equal(0, await NodeProcess.StopAsync(restarted));
        var after = LeaseRows(NodeProcess.DatabasePath(lab));
        foreach (var (address, client) in acknowledged)
        {
            Assert.Equal(client, after[address]);
        }

        Assert.True(after.Count > acknowledged.Count, "the restarted node served new clients");
        var journal = restarted.Lines.Last(l => l.Contains("DHCP4_JOURNAL_STATISTICS", StringComparison.Ordinal));
        output.WriteLine(journal);
        Assert.Contains("synchronous=FULL", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_started_before_its_interface_exists_serves_within_seconds_of_it_appearing()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("srv");
        var client = await lab.AddNamespaceAsync("cli");
        var config = NodeProcess.WriteConfig(lab, ["s0"], [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200")]);
        var node = await NodeProcess.StartAsync(server, config);
        await node.WaitForLineAsync(OpenFailed(), TimeSpan.FromSeconds(60));

        await lab.LinkAsync(server, "s0", client, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        var appeared = DateTime.UtcNow;
        await node.WaitForLineAsync(Opened(), TimeSpan.FromSeconds(10));
        var lease = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(lease);
        output.WriteLine($"served {(DateTime.UtcNow - appeared).TotalSeconds:F1} s after the interface appeared");
        Assert.True(DateTime.UtcNow - appeared < TimeSpan.FromSeconds(15));
        Assert.Equal("192.0.2.1", lease.Server);
        Assert.Equal(0, await NodeProcess.StopAsync(node));
    }

    [Fact]
    public async Task An_interface_going_down_and_up_under_load_is_served_again_without_a_restart()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var (server, load) = await LoadLabAsync(lab);
        var config = NodeProcess.WriteConfig(lab, ["s0"], [NodeProcess.Subnet(1, LoadSubnet, LoadPool)], severity: "INFO");
        var node = await NodeProcess.StartAsync(server, config, "s0");
        var during = Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 200, clients: 3000, seconds: 8);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await server.SetLinkAsync("s0", up: false);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await server.SetLinkAsync("s0", up: true);
        var flapped = await during;
        output.WriteLine(flapped.Output);

        var after = await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 200, clients: 500, seconds: 3, extra: ["-b", "mac=00:0c:55:00:00:00"]);
        output.WriteLine(after.Output);
        Assert.NotNull(after.RequestAck);
        Assert.True(after.RequestAck.Received > 300, after.Output);
        Assert.Equal(0, after.RequestAck.NonUniqueAddresses);
        Assert.Equal(0, await NodeProcess.StopAsync(node));
    }

    private static Task<(LabNamespace Server, LabNamespace Load)> LoadLabAsync(NetworkLab lab) => NodeProcess.LoadLabAsync(lab);

    private static long CountLeaseRows(string database) => LeaseRows(database).Count;

    private static Dictionary<string, string> LeaseRows(string database)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT address, COALESCE(client_id, hwaddr) FROM dhcp4_lease WHERE state = 'bound'";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var value = (uint)reader.GetInt64(0);
            var address = string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}");
            rows[address] = reader.GetString(1);
        }

        return rows;
    }

    [GeneratedRegex(@"DHCP4_LEASE_ALLOC (?<client>\S+) tid=0x[0-9a-f]+: lease (?<address>[0-9.]+) has been allocated", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeaseAlloc();

    [GeneratedRegex(@"DHCP4_OPEN_SOCKET_FAIL s0: interface does not exist", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OpenFailed();

    [GeneratedRegex(@"DHCP4_OPEN_SOCKET listening on s0 ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Opened();
}
