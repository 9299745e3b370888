using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Packaging;
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
        var declared = AssertDeclaredShape(compose, node, client, dockerfile);

        var nodeNs = await lab.AddNamespaceAsync("pknode");
        var clientNs = await lab.AddNamespaceAsync("pkclient");
        await lab.LinkAsync(nodeNs, "eth0", clientNs, "eth0");
        await nodeNs.AddAddressAsync("eth0", declared.NodeAddress + "/" + declared.PrefixLength);
        var (nodeProcess, volume) = await StartNodeServiceAsync(lab, nodeNs, node, dockerfile, declared);

        // The client service: root inside its container, with only its cap_add.
        var clientLaunch = new RestrictedLaunch(0, 0, client.CapAdd, new SortedSet<string>(StringComparer.Ordinal), NoNewPrivileges: false);
        var result = await clientNs.ExecAsync("setpriv", clientLaunch.SetprivArguments(client.Command[0], client.Command.Skip(1)), TimeSpan.FromSeconds(60));
        var lease = LeaseLine().Match(result.StandardOutput + result.StandardError);
        Assert.True(lease.Success, $"the client service got no lease:\n{result.StandardOutput}{result.StandardError}\nnode:\n{nodeProcess.Output}");
        Assert.Equal(declared.NodeAddress, lease.Groups["server"].Value);
        Assert.StartsWith("192.0.2.", lease.Groups["address"].Value, StringComparison.Ordinal);

        // The lease is in the journal on the volume, written by the service's user; SIGTERM stops the node cleanly.
        var journal = Path.Combine(volume, Path.GetFileName(node.Environment["DHCP_LEASE_DB"]));
        Assert.True(File.Exists(journal), $"no journal at {journal}");
        var owner = (await Command.RunAsync("stat", "-c", "%u", journal)).EnsureSuccess().StandardOutput.Trim();
        Assert.Equal(declared.Uid.ToString(CultureInfo.InvariantCulture), owner);
        await nodeProcess.SignalAsync(15);
        var exitCode = await nodeProcess.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{nodeProcess.Output}");
        var statistics = nodeProcess.Lines.LastOrDefault(l => l.Contains("DHCP4_STATISTICS", StringComparison.Ordinal)) ?? string.Empty;
        Assert.Matches(AcknowledgedStatistic(), statistics);
    }

    /// <summary>What the compose file declares: every capability dropped but the two, not root, broadcasts reaching the node, a named volume.</summary>
    private static DeclaredNode AssertDeclaredShape(ComposeProject compose, ComposeService node, ComposeService client, DockerfileDescription dockerfile)
    {
        Assert.Contains("all", node.CapDrop);
        Assert.Equal(Capabilities.DhcpServer, node.CapAdd);
        Assert.Contains("all", client.CapDrop);

        // no-new-privileges would keep exec from granting the apphost's file capabilities.
        Assert.False(node.SecurityOptNoNewPrivileges);
        var (uid, gid) = PackagedNode.NumericUser(node.User ?? dockerfile.User!);
        Assert.NotEqual(0, uid);
        Assert.Equal(dockerfile.User, node.User);

        var (networkName, nodeAddress) = Assert.Single(node.NetworkAddresses);
        var network = compose.Networks[networkName];
        Assert.True(
            string.Equals(node.NetworkMode, "host", StringComparison.Ordinal) || network.Driver is "macvlan" or "ipvlan",
            $"network {networkName} ({network.Driver}) does not carry client broadcasts");
        Assert.True(client.NetworkAddresses.ContainsKey(networkName), $"the client is not on {networkName}");

        var (volumeName, volumeTarget) = Assert.Single(node.Volumes);
        Assert.Contains(volumeName, compose.NamedVolumes);
        Assert.StartsWith(volumeTarget + "/", node.Environment["DHCP_LEASE_DB"], StringComparison.Ordinal);
        return new DeclaredNode(uid, gid, nodeAddress!, network.Subnet!.Split('/')[1], volumeName, volumeTarget);
    }

    /// <summary>
    /// Runs the node service as the engine would: the image's apphost with the Dockerfile's file capabilities, the
    /// image's and the service's environment, the service's command, user and bounding set, the volume a host directory.
    /// </summary>
    private static async Task<(LabProcess Node, string Volume)> StartNodeServiceAsync(
        NetworkLab lab, LabNamespace ns, ComposeService node, DockerfileDescription dockerfile, DeclaredNode declared)
    {
        var entrypoint = Assert.Single(dockerfile.Entrypoint);
        var application = InstalledPaths.ApplicationCopy(PackagedNode.OutputDirectory, Path.Combine(lab.Directory, "image-app"), PackagedNode.Apphost);
        var fileCapabilities = string.Join(',', dockerfile.FileCapabilities[entrypoint].Select(c => "cap_" + c)) + "=+ep";
        (await Command.RunAsync("setcap", fileCapabilities, Path.Combine(application, PackagedNode.Apphost)).ConfigureAwait(false)).EnsureSuccess();
        var volume = await PackagedNode.OwnedDirectoryAsync(Path.Combine(lab.Directory, "volume-" + declared.VolumeName), declared.Uid, declared.Gid).ConfigureAwait(false);
        var paths = new InstalledPaths()
            .Add(Path.GetDirectoryName(entrypoint)!, application)
            .Add(declared.VolumeTarget, volume);
        foreach (var copy in dockerfile.Runtime.Copies.Where(c => c.FromStage is null))
        {
            paths.Add(copy.Destination, RepositoryFiles.PathOf(copy.Sources.Single()));
        }

        var environment = dockerfile.Environment.Concat(node.Environment)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

        // Docker: a non-root process keeps only what file capabilities grant, within the bounding set cap_add leaves.
        var launch = new RestrictedLaunch(declared.Uid, declared.Gid, node.CapAdd, new SortedSet<string>(StringComparer.Ordinal), NoNewPrivileges: false);
        var process = await PackagedNode.StartAsync(
            ns, launch, paths.Map(entrypoint), paths.Map(node.Command.Count > 0 ? node.Command : dockerfile.Cmd), paths.Map(environment), "eth0").ConfigureAwait(false);
        PackagedNode.AssertHoldsExactly(process, launch, Capabilities.DhcpServer);
        return (process, volume);
    }

    [GeneratedRegex(@"lease of (?<address>[0-9.]+) obtained from (?<server>[0-9.]+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeaseLine();

    [GeneratedRegex(@"\bpkt4-ack-sent=[1-9]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AcknowledgedStatistic();

    private sealed record DeclaredNode(int Uid, int Gid, string NodeAddress, string PrefixLength, string VolumeName, string VolumeTarget);
}
