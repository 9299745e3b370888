namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>
/// The .NET runtime settings (<c>DOTNET_*</c>) that docker/Dockerfile's runtime image gives dhcp-node, read from the
/// repository this benchmark runs in, so the benchmarked node runs as the image runs it.
/// </summary>
internal static class ImageRuntimeEnvironment
{
    private const string Dockerfile = "docker/Dockerfile";

    public static IReadOnlyDictionary<string, string> Read()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, Dockerfile);
            if (File.Exists(path))
            {
                return File.ReadLines(path)
                    .Where(line => line.StartsWith("ENV DOTNET_", StringComparison.Ordinal))
                    .SelectMany(line => line["ENV ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Select(pair => pair.Split('=', 2))
                    .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
            }
        }

        throw new FileNotFoundException($"no {Dockerfile} above {AppContext.BaseDirectory}: run the benchmark from the repository");
    }
}
