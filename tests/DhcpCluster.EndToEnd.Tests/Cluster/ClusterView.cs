using System.Text.RegularExpressions;

namespace DhcpCluster.EndToEnd.Tests.Cluster;

/// <summary>One VIEW line of the test node: its members (host:port → uid and status), unreachable members and leader.</summary>
internal sealed partial record ClusterView(string Self, IReadOnlyDictionary<string, (long Uid, string Status)> Members, IReadOnlySet<string> Unreachable, string Leader)
{
    /// <summary>Members and statuses as comparable text (host:port#uid=Status, sorted).</summary>
    public string Signature => string.Join(',', Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}#{m.Value.Uid}={m.Value.Status}"));

    public bool AllUp(int count) => Members.Count == count && Members.Values.All(m => string.Equals(m.Status, "Up", StringComparison.Ordinal)) && Unreachable.Count == 0;

    public static ClusterView? Parse(string line)
    {
        var match = ViewLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var members = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var item in match.Groups["members"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = item.IndexOf('#', StringComparison.Ordinal);
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            members[item[..hash]] = (long.Parse(item[(hash + 1)..equals], System.Globalization.CultureInfo.InvariantCulture), item[(equals + 1)..]);
        }

        var unreachable = match.Groups["unreachable"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new ClusterView(match.Groups["self"].Value, members, unreachable, match.Groups["leader"].Value);
    }

    [GeneratedRegex(@"VIEW self=(?<self>\S+) members=(?<members>\S*) unreachable=(?<unreachable>\S*) leader=(?<leader>\S+)", RegexOptions.None, 1000)]
    private static partial Regex ViewLine();
}
