namespace DhcpCluster.Lab.Packaging;

/// <summary>One stage of a Dockerfile: its base image, name, and instructions (keyword, arguments) in order.</summary>
public sealed record DockerStage(string BaseImage, string? Name, IReadOnlyList<(string Keyword, string Arguments)> Instructions)
{
    public IEnumerable<DockerCopy> Copies =>
        Instructions.Where(i => string.Equals(i.Keyword, "COPY", StringComparison.Ordinal)).Select(i =>
        {
            var words = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var from = words.FirstOrDefault(w => w.StartsWith("--from=", StringComparison.Ordinal))?["--from=".Length..];
            var paths = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
            return new DockerCopy(from, paths[..^1], paths[^1]);
        });

    public IEnumerable<string> Runs => Instructions.Where(i => string.Equals(i.Keyword, "RUN", StringComparison.Ordinal)).Select(i => i.Arguments);

    /// <summary>The last value of an instruction (ENTRYPOINT, CMD, USER, ...), or null.</summary>
    public string? Last(string keyword) => Instructions.LastOrDefault(i => string.Equals(i.Keyword, keyword, StringComparison.Ordinal)).Arguments;
}
