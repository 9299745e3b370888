using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Packaging;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>
/// deploy/systemd/dhcp-node.service: checked by systemd-analyze verify where the machine has it, and replayed as
/// systemd would start it: its user, ambient capabilities, bounding set, no_new_privs, state directory and
/// environment, its ExecStartPre and ExecStart, serving real clients.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class SystemdUnitTests
{
    private const string InstallDirectory = "/opt/dhcp-cluster";
    private const string ConfigurationFile = "/etc/dhcp-cluster/dhcp-node.conf";

    /// <summary>The first uid systemd gives a DynamicUser (61184–65519).</summary>
    private const int DynamicUid = 61184;

    private static readonly string UnitFile = RepositoryFiles.PathOf("deploy/systemd/dhcp-node.service");

    [Fact]
    public void The_unit_runs_a_non_root_user_with_only_the_two_capabilities_and_no_new_privileges()
    {
        var unit = SystemdUnit.Load(UnitFile);
        Assert.NotNull(unit.Get("Service", "User"));
        Assert.False(string.Equals("root", unit.Get("Service", "User"), StringComparison.Ordinal), "User=root");
        Assert.Equal(Capabilities.DhcpServer, unit.Capabilities("AmbientCapabilities"));
        Assert.Equal(Capabilities.DhcpServer, unit.Capabilities("CapabilityBoundingSet"));
        Assert.True(unit.Flag("Service", "NoNewPrivileges"));
        Assert.Equal("/var/lib/" + unit.Get("Service", "StateDirectory"), Path.GetDirectoryName(unit.Environment["DHCP_LEASE_DB"]));
        Assert.Equal(InstallDirectory + "/dhcp-node --config " + ConfigurationFile, unit.Get("Service", "ExecStart"));
    }

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_unit_without_a_warning()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            // Not every machine of this kind has systemd; the replay below runs everywhere.
            return;
        }

        // verify also checks that ExecStart's binary exists: point the install directory at this build's output.
        var copy = Path.Combine(Path.GetTempPath(), $"pk-{Environment.ProcessId}-dhcp-node.service");
        try
        {
            await File.WriteAllTextAsync(copy, (await File.ReadAllTextAsync(UnitFile)).Replace(InstallDirectory + "/", PackagedNode.OutputDirectory, StringComparison.Ordinal));
            var result = await Command.RunAsync("systemd-analyze", "verify", copy);
            Assert.True(result.ExitCode == 0 && (result.StandardOutput + result.StandardError).Trim().Length == 0, result.StandardOutput + result.StandardError);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task The_unit_replayed_as_its_dynamic_user_with_ambient_capabilities_serves_udhcpc_and_dhcpcd()
    {
        var unit = SystemdUnit.Load(UnitFile);
        Assert.True(unit.Flag("Service", "DynamicUser"), "the replay gives the unit's user a dynamic uid");
        await using var lab = await NetworkLab.CreateAsync();
        var state = await PackagedNode.OwnedDirectoryAsync(Path.Combine(lab.Directory, "state"), DynamicUid, DynamicUid);
        var paths = new InstalledPaths()
            .Add(InstallDirectory, PackagedNode.OutputDirectory)
            .Add(ConfigurationFile, RepositoryFiles.PathOf("config/dhcp-node.conf"))
            .Add("/var/lib/" + unit.Get("Service", "StateDirectory"), state);
        var launch = new RestrictedLaunch(
            DynamicUid, DynamicUid, unit.Capabilities("CapabilityBoundingSet"), unit.Capabilities("AmbientCapabilities"), unit.Flag("Service", "NoNewPrivileges"));
        var environment = paths.Map(unit.Environment);

        var server = await lab.AddNamespaceAsync("pksysd");
        var client = await lab.AddNamespaceAsync("pksysdcli");
        await lab.LinkAsync(server, "eth0", client, "pkunit0");
        await server.AddAddressAsync("eth0", "192.0.2.1/24");

        foreach (var pre in unit.All("Service", "ExecStartPre"))
        {
            var words = paths.Map(pre.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            await using var check = server.Start("setpriv", launch.SetprivArguments(words[0], words.Skip(1)), environment);
            Assert.True(await check.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, $"ExecStartPre {pre}: {check.Output}");
        }

        var start = paths.Map(unit.Get("Service", "ExecStart")!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var node = await PackagedNode.StartAsync(server, launch, start[0], start.Skip(1), environment, "eth0");
        PackagedNode.AssertHoldsExactly(node, launch, Capabilities.DhcpServer);

        var udhcpc = await Udhcpc.ObtainAsync(client, "pkunit0");
        Assert.True(udhcpc is not null, node.Output);
        Assert.Equal("192.0.2.1", udhcpc.Server);
        var dhcpcd = await Dhcpcd.ObtainAsync(client, "pkunit0");
        Assert.True(dhcpcd is not null, node.Output);
        Assert.Equal(udhcpc.Address, dhcpcd.Address);

        Assert.True(File.Exists(environment["DHCP_LEASE_DB"]), $"no journal at {environment["DHCP_LEASE_DB"]}");
        await node.SignalAsync(15);
        Assert.Equal(0, await node.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
