namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>
/// Where the paths a container image or a unit file names (<c>/opt/dhcp-cluster/dhcp-node</c>,
/// <c>/etc/dhcp-cluster/dhcp-node.conf</c>, <c>/var/lib/dhcp-cluster</c>) are found in a replay on this host:
/// a path prefix is replaced by a host path, the longest prefix first.
/// </summary>
internal sealed class InstalledPaths
{
    private readonly List<(string Installed, string Host)> prefixes = [];

    public InstalledPaths Add(string installed, string host)
    {
        prefixes.Add((installed.TrimEnd('/'), host.TrimEnd('/')));
        prefixes.Sort((a, b) => b.Installed.Length.CompareTo(a.Installed.Length));
        return this;
    }

    /// <summary>The host path of <paramref name="value"/> when it lies under a known prefix; any other value as it is.</summary>
    public string Map(string value)
    {
        foreach (var (installed, host) in prefixes)
        {
            if (string.Equals(value, installed, StringComparison.Ordinal))
            {
                return host;
            }

            if (value.StartsWith(installed + "/", StringComparison.Ordinal))
            {
                return host + value[installed.Length..];
            }
        }

        return value;
    }

    public IReadOnlyList<string> Map(IEnumerable<string> values) => [.. values.Select(Map)];

    public IReadOnlyDictionary<string, string> Map(IReadOnlyDictionary<string, string> environment) =>
        environment.ToDictionary(p => p.Key, p => Map(p.Value), StringComparer.Ordinal);

    /// <summary>
    /// A copy of an application directory for a process that gets file capabilities: every entry is a symbolic link
    /// to the original except the apphost, which is copied (setcap must not touch the build output).
    /// </summary>
    public static string ApplicationCopy(string sourceDirectory, string targetDirectory, string apphost)
    {
        Directory.CreateDirectory(targetDirectory);
        foreach (var entry in Directory.EnumerateFileSystemEntries(sourceDirectory))
        {
            var name = Path.GetFileName(entry);
            var target = Path.Combine(targetDirectory, name);
            if (string.Equals(name, apphost, StringComparison.Ordinal))
            {
                File.Copy(entry, target);
            }
            else
            {
                File.CreateSymbolicLink(target, entry);
            }
        }

        return targetDirectory;
    }
}
