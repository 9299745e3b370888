using System.Text.Json;
using System.Text.RegularExpressions;

namespace DhcpCluster.Lab.Packaging;

/// <summary>
/// A Dockerfile read as text (it cannot be built here: there is no container engine): stages, COPY sources,
/// publish outputs, entrypoint, user, environment, and the file capabilities its setcap grants.
/// </summary>
public sealed partial class DockerfileDescription
{
    private DockerfileDescription(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The final stage: the image that runs.</summary>
    public DockerStage Runtime => Stages[^1];

    public IReadOnlyList<string> Entrypoint => ExecForm(Runtime.Last("ENTRYPOINT"));

    public IReadOnlyList<string> Cmd => ExecForm(Runtime.Last("CMD"));

    public string? User => Runtime.Last("USER");

    /// <summary>ENV of the runtime stage (<c>KEY=VALUE</c> form).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Runtime.Instructions.Where(i => string.Equals(i.Keyword, "ENV", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>Every <c>setcap 'CAPS=+ep' PATH</c> of the runtime stage: capabilities by path.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> FileCapabilities =>
        Runtime.Runs.SelectMany(run => SetcapCommand().Matches(run))
            .ToDictionary(
                m => m.Groups["path"].Value,
                m => (IReadOnlySet<string>)Capabilities.Set(m.Groups["caps"].Value.Split('=')[0].Split(',')),
                StringComparer.Ordinal);

    /// <summary>Every <c>dotnet publish PROJECT ... -o DIR</c> of a stage: project by output directory.</summary>
    public static IReadOnlyDictionary<string, string> PublishOutputs(DockerStage stage) =>
        stage.Runs.SelectMany(run => PublishCommand().Matches(run))
            .ToDictionary(m => m.Groups["out"].Value.TrimEnd('/'), m => m.Groups["project"].Value, StringComparer.Ordinal);

    public static DockerfileDescription Load(string path)
    {
        var stages = new List<DockerStage>();
        List<(string, string)>? instructions = null;
        foreach (var line in LogicalLines(File.ReadAllLines(path)))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            var keyword = parts[0].ToUpperInvariant();
            var arguments = parts.Length > 1 ? parts[1] : string.Empty;
            if (string.Equals(keyword, "FROM", StringComparison.Ordinal))
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                instructions = [];
                stages.Add(new DockerStage(words[0], words.Length == 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null, instructions));
            }
            else
            {
                (instructions ?? throw new InvalidOperationException($"{path}: {keyword} before FROM")).Add((keyword, arguments));
            }
        }

        return stages.Count > 0 ? new DockerfileDescription(stages) : throw new InvalidOperationException($"{path}: no FROM");
    }

    private static string[] ExecForm(string? value) =>
        value is null ? [] : JsonSerializer.Deserialize<string[]>(value) ?? throw new InvalidOperationException($"not an exec-form list: {value}");

    /// <summary>Instructions with their continuation lines joined, comments and blank lines dropped.</summary>
    private static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var current = new System.Text.StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var continued = line.EndsWith('\\');
            current.Append(continued ? line[..^1] : line).Append(' ');
            if (!continued)
            {
                yield return WhiteSpace().Replace(current.ToString().Trim(), " ");
                current.Clear();
            }
        }
    }

    [GeneratedRegex(@"setcap\s+'(?<caps>[^']+)'\s+(?<path>\S+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SetcapCommand();

    [GeneratedRegex(@"dotnet publish (?<project>\S+)[^&]*?\s-o (?<out>\S+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PublishCommand();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WhiteSpace();
}
