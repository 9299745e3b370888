using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>
/// docker-compose.yml validated by docker-compose itself (no engine needed), then each service replayed in network
/// namespaces as the engine would run it: the node's command, environment, user, dropped and added capabilities,
/// the file capabilities the Dockerfile gives its apphost, and its volume; the client's command beside it.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed partial class ComposeReplayTests
{
    [Fact]
    public async Task The_node_service_runs_non_root_with_only_the_two_capabilities_and_serves_the_client_service()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var compose = await ComposeProject.LoadAsync(RepositoryFiles.PathOf("docker-compose.yml"), lab.Directory);
        var node = compose.Services["dhcp-node"];
        var client = compose.Services["dhcp-client"];
        var dockerfile = DockerfileDescription.Load(RepositoryFiles.PathOf(node.Dockerfile!));

        // As declared: every capability dropped but the two, not root, no no-new-privileges (it would void the file capabilities).
        Assert.Contains("all", node.CapDrop);
        Assert.Equal(Capabilities.DhcpServer, node.CapAdd);
        Assert.False(node.SecurityOptNoNewPrivileges);
        var (uid, gid) = PackagedNode.NumericUser(node.User ?? dockerfile.User!);
        Assert.NotEqual(0, uid);
        Assert.Equal(dockerfile.User, node.User);

        // Broadcasts must reach the node: host networking or a macvlan/ipvlan network shared with the client.
        var (networkName, nodeAddress) = Assert.Single(node.NetworkAddresses);
        var network = compose.Networks[networkName];
        Assert.True(node.NetworkMode == "host" || network.Driver is "macvlan" or "ipvlan", $"network {networkName} ({network.Driver}) does not carry client broadcasts");
        Assert.Contains(networkName, client.NetworkAddresses.Keys);
        Assert.NotNull(nodeAddress);
        var prefixLength = network.Subnet!.Split('/')[1];

        // The journal on a named volume, where DHCP_LEASE_DB points.
        var (volumeName, volumeTarget) = Assert.Single(node.Volumes);
        Assert.Contains(volumeName, compose.NamedVolumes);
        Assert.StartsWith(volumeTarget + "/", node.Environment["DHCP_LEASE_DB"], StringComparison.Ordinal);

        // Replay: the image's paths on this host.
        var entrypoint = Assert.Single(dockerfile.Entrypoint);
        var application = InstalledPaths.ApplicationCopy(PackagedNode.OutputDirectory, Path.Combine(lab.Directory, "image-app"), PackagedNode.Apphost);
        var fileCapabilities = dockerfile.FileCapabilities[entrypoint];
        (await Command.RunAsync("setcap", string.Join(',', fileCapabilities.Select(c => "cap_" + c)) + "=+ep", Path.Combine(application, PackagedNode.Apphost))).EnsureSuccess();
        var volume = await PackagedNode.OwnedDirectoryAsync(Path.Combine(lab.Directory, "volume-" + volumeName), uid, gid);
        var paths = new InstalledPaths()
            .Add(Path.GetDirectoryName(entrypoint)!, application)
            .Add(volumeTarget, volume);
        foreach (var copy in dockerfile.Runtime.Copies.Where(c => c.FromStage is null))
        {
            paths.Add(copy.Destination, RepositoryFiles.PathOf(copy.Sources.Single()));
        }

        var environment = dockerfile.Environment.Concat(node.Environment).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var nodeNs = await lab.AddNamespaceAsync("pknode");
        var clientNs = await lab.AddNamespaceAsync("pkclient");
        await lab.LinkAsync(nodeNs, "eth0", clientNs, "eth0");
        await nodeNs.AddAddressAsync("eth0", $"{nodeAddress}/{prefixLength}");

        // Docker: a non-root process keeps only what file capabilities grant, within the bounding set cap_add leaves.
        var nodeLaunch = new RestrictedLaunch(uid, gid, node.CapAdd, new SortedSet<string>(StringComparer.Ordinal), NoNewPrivileges: false);
        var nodeProcess = await PackagedNode.StartAsync(
            nodeNs, nodeLaunch, paths.Map(entrypoint), paths.Map(node.Command.Count > 0 ? node.Command : dockerfile.Cmd), paths.Map(environment), "eth0");
        PackagedNode.AssertHoldsExactly(nodeProcess, nodeLaunch, Capabilities.DhcpServer);

        // The client service: root inside its container, with only its cap_add.
        Assert.Contains("all", client.CapDrop);
        var clientLaunch = new RestrictedLaunch(0, 0, client.CapAdd, new SortedSet<string>(StringComparer.Ordinal), NoNewPrivileges: false);
        var clientArguments = clientLaunch.SetprivArguments(client.Command[0], client.Command.Skip(1));
        var result = await clientNs.ExecAsync("setpriv", clientArguments, TimeSpan.FromSeconds(60));
        var lease = LeaseLine().Match(result.StandardOutput + result.StandardError);
        Assert.True(lease.Success, $"the client service got no lease:\n{result.StandardOutput}{result.StandardError}\nnode:\n{nodeProcess.Output}");
        Assert.Equal(nodeAddress, lease.Groups["server"].Value);
        Assert.StartsWith("192.0.2.", lease.Groups["address"].Value, StringComparison.Ordinal);

        // The lease is in the journal on the volume, written by the service's user; SIGTERM stops the node cleanly.
        var journal = new FileInfo(Path.Combine(volume, Path.GetFileName(node.Environment["DHCP_LEASE_DB"])));
        Assert.True(journal.Exists, $"no journal at {journal.FullName}");
        var owner = (await Command.RunAsync("stat", "-c", "%u", journal.FullName)).EnsureSuccess().StandardOutput.Trim();
        Assert.Equal(uid.ToString(System.Globalization.CultureInfo.InvariantCulture), owner);
        await nodeProcess.SignalAsync(15);
        Assert.Equal(0, await nodeProcess.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(nodeProcess.Lines, l => l.Contains("DHCP4_LEASE_ALLOC", StringComparison.Ordinal) && l.Contains(lease.Groups["address"].Value, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"lease of (?<address>[0-9.]+) obtained from (?<server>[0-9.]+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeaseLine();
}
