using System.Text.Json;
using System.Xml.Linq;
using DhcpCluster.Lab.Packaging;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>
/// docker/Dockerfile cannot be built here (no container engine): what it relies on is checked instead: the paths
/// it copies, the projects it publishes, the binary its entrypoint names, its base image against the node's
/// runtime configuration, and the configuration it ships.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly DockerfileDescription Dockerfile = DockerfileDescription.Load(RepositoryFiles.PathOf("docker/Dockerfile"));

    [Fact]
    public void Every_path_copied_from_the_build_context_exists_and_build_output_is_ignored()
    {
        var copies = Dockerfile.Stages.SelectMany(s => s.Copies).Where(c => c.FromStage is null).ToList();
        Assert.NotEmpty(copies);
        foreach (var source in copies.SelectMany(c => c.Sources))
        {
            Assert.True(File.Exists(RepositoryFiles.PathOf(source)) || Directory.Exists(RepositoryFiles.PathOf(source)), $"COPY {source}: no such path in the repository");
        }

        var ignored = File.ReadAllLines(RepositoryFiles.PathOf("docker/Dockerfile.dockerignore"));
        Assert.Contains("**/bin/", ignored, StringComparer.Ordinal);
        Assert.Contains("**/obj/", ignored, StringComparer.Ordinal);
    }

    [Fact]
    public void Every_copy_from_the_build_stage_is_a_publish_output_of_an_existing_project()
    {
        var fromBuild = Dockerfile.Runtime.Copies.Where(c => c.FromStage is not null).ToList();
        Assert.NotEmpty(fromBuild);
        foreach (var copy in fromBuild)
        {
            var stage = Dockerfile.Stages.Single(s => string.Equals(s.Name, copy.FromStage, StringComparison.Ordinal));
            var outputs = DockerfileDescription.PublishOutputs(stage);
            foreach (var source in copy.Sources)
            {
                Assert.True(outputs.TryGetValue(source.TrimEnd('/'), out var project), $"COPY --from={copy.FromStage} {source}: no 'dotnet publish ... -o {source}' in that stage");
                Assert.True(File.Exists(RepositoryFiles.PathOf(project)), $"{project} does not exist");
            }
        }
    }

    [Fact]
    public void The_entrypoint_is_the_published_dhcp_node_apphost_and_carries_exactly_the_two_capabilities()
    {
        var entrypoint = Assert.Single(Dockerfile.Entrypoint);
        var copy = Dockerfile.Runtime.Copies
            .Where(c => c.FromStage is not null && entrypoint.StartsWith(c.Destination.TrimEnd('/') + "/", StringComparison.Ordinal))
            .OrderByDescending(c => c.Destination.Length)
            .First();
        var build = Dockerfile.Stages.Single(s => string.Equals(s.Name, copy.FromStage, StringComparison.Ordinal));
        var project = DockerfileDescription.PublishOutputs(build)[copy.Sources.Single().TrimEnd('/')];
        var assemblyName = XDocument.Load(RepositoryFiles.PathOf(project)).Descendants("AssemblyName").Single().Value;
        Assert.Equal(assemblyName, Path.GetFileName(entrypoint));
        Assert.True(File.Exists(Path.Combine(PackagedNode.OutputDirectory, assemblyName)), $"the build produced no apphost {assemblyName}");

        Assert.Equal(Capabilities.DhcpServer, Dockerfile.FileCapabilities[entrypoint]);
        var (uid, _) = PackagedNode.NumericUser(Dockerfile.User!);
        Assert.NotEqual(0, uid);
        Assert.Equal(["--config", "/etc/dhcp-cluster/dhcp-node.conf"], Dockerfile.Cmd);
    }

    [Fact]
    public void The_image_and_the_systemd_unit_give_the_node_the_same_young_generation_budget()
    {
        const string Budget = "DOTNET_GCgen0size";
        var unit = SystemdUnit.Load(RepositoryFiles.PathOf("deploy/systemd/dhcp-node.service"));
        Assert.True(Dockerfile.Environment.TryGetValue(Budget, out var image), "the image sets no " + Budget);
        Assert.Equal(image, unit.Environment[Budget]);
        Assert.Matches("^0x[0-9a-fA-F]+$", image);
    }

    [Fact]
    public void The_runtime_image_provides_every_shared_framework_the_node_runs_on()
    {
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(PackagedNode.OutputDirectory, "dhcp-node.runtimeconfig.json")));
        var frameworks = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("frameworks")
            .EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("Microsoft.AspNetCore.App", frameworks, StringComparer.Ordinal);
        // The aspnet image carries Microsoft.NETCore.App and Microsoft.AspNetCore.App; the runtime image only the first.
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", Dockerfile.Runtime.BaseImage, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", Dockerfile.Stages[0].BaseImage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configuration_the_image_ships_passes_the_node_check()
    {
        var configuration = Dockerfile.Runtime.Copies.Single(c => c.FromStage is null && c.Destination.EndsWith(".conf", StringComparison.Ordinal));
        var result = await Command.RunAsync("dotnet", Path.Combine(PackagedNode.OutputDirectory, "dhcp-node.dll"), "--config", RepositoryFiles.PathOf(configuration.Sources.Single()), "--check");
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("configuration valid (0 warning(s))", result.StandardOutput, StringComparison.Ordinal);
    }
}
