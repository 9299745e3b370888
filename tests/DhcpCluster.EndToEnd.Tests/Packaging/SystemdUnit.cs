namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>A systemd unit file read as sections of <c>Key=Value</c> lines (a key may repeat, as ExecStartPre does).</summary>
internal sealed class SystemdUnit
{
    private readonly Dictionary<string, List<string>> entries;

    private SystemdUnit(Dictionary<string, List<string>> entries) => this.entries = entries;

    public static SystemdUnit Load(string path)
    {
        var read = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var section = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var pair = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                throw new InvalidOperationException($"{path}: not a Key=Value line: {line}");
            }

            var key = section + "." + pair[0];
            if (!read.TryGetValue(key, out var values))
            {
                read[key] = values = [];
            }

            values.Add(pair[1]);
        }

        return new SystemdUnit(read);
    }

    /// <summary>Every value of <c>[section] key</c>, in file order.</summary>
    public IReadOnlyList<string> All(string section, string key) => entries.TryGetValue(section + "." + key, out var values) ? values : [];

    public string? Get(string section, string key) => All(section, key).LastOrDefault();

    public bool Flag(string section, string key) => Get(section, key) is "yes" or "true" or "on" or "1";

    /// <summary>A space-separated list setting (capabilities), all occurrences together.</summary>
    public IReadOnlySet<string> Capabilities(string key) =>
        DhcpCluster.Lab.Packaging.Capabilities.Set(All("Service", key).SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary><c>Environment=</c> assignments of [Service].</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        All("Service", "Environment").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(a => a.Trim('"').Split('=', 2))
            .ToDictionary(a => a[0], a => a[1], StringComparer.Ordinal);
}
