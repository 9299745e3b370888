using DhcpCluster.Lab.Packaging;

namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>
/// The .NET runtime settings (<c>DOTNET_*</c>) that docker/Dockerfile's runtime image gives dhcp-node, read from the
/// repository this benchmark runs in, so the benchmarked node runs as the image runs it.
/// </summary>
internal static class ImageRuntimeEnvironment
{
    public static IReadOnlyDictionary<string, string> Read() =>
        DockerfileDescription.Load(RepositoryFiles.PathOf("docker/Dockerfile")).Environment
            .Where(pair => pair.Key.StartsWith("DOTNET_", StringComparison.Ordinal))
            .ToDictionary(StringComparer.Ordinal);
}
