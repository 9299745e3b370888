namespace DhcpCluster.Logging.Configuration;

/// <summary>
/// How Kea's logger names map to our logging categories (category prefixes). A message is governed by the most
/// specific configured logger whose category prefix matches its category; <c>kea-dhcp4</c> (or <c>DhcpCluster</c>)
/// is the root and matches everything. A name starting with <c>DhcpCluster</c> is used as a category prefix as is.
/// </summary>
public static class KeaLoggerNames
{
    /// <summary>Kea's root logger of the DHCPv4 server.</summary>
    public const string Root = "kea-dhcp4";

    /// <summary>The mapping, Kea name → our category prefix.</summary>
    public static IReadOnlyDictionary<string, string> Categories { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Root] = string.Empty,
        ["kea-dhcp4.packets"] = "DhcpCluster.Server.Packets",
        ["kea-dhcp4.bad-packets"] = "DhcpCluster.Server.BadPackets",
        ["kea-dhcp4.leases"] = "DhcpCluster.Server.Leases",
        ["kea-dhcp4.alloc-engine"] = "DhcpCluster.Dhcp.Allocation",
        ["kea-dhcp4.options"] = "DhcpCluster.Dhcp.Options",
        ["kea-dhcp4.dhcpsrv"] = "DhcpCluster.Server",
        ["kea-dhcp4.dhcp4"] = "DhcpCluster.Node",
        ["kea-dhcp4.hosts"] = "DhcpCluster.Server.Hosts",
        ["kea-dhcp4.ha-hooks"] = "DhcpCluster.Server.HighAvailability",
        ["kea-dhcp4.commands"] = "DhcpCluster.Control",
        ["kea-dhcp4.database"] = "DhcpCluster.Actors.Persistence",
        ["kea-dhcp4.cluster"] = "DhcpCluster.Actors.Cluster",
        ["kea-dhcp4.actors"] = "DhcpCluster.Actors",
    };

    /// <summary>True when the name is one of the mapped Kea names or one of our categories.</summary>
    public static bool IsKnown(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Categories.ContainsKey(name) || IsOurCategory(name);
    }

    /// <summary>The category prefix a logger name selects; an unmapped Kea name selects the categories named like it.</summary>
    public static string CategoryPrefix(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Categories.TryGetValue(name, out var prefix) ? prefix : name;
    }

    /// <summary>The Kea-style name shown for a category (<c>%c</c>): the Kea name of the most specific mapped prefix, else the category.</summary>
    public static string DisplayName(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        string? best = null;
        var bestLength = 0;
        foreach (var (name, prefix) in Categories)
        {
            if (prefix.Length > bestLength && Matches(category, prefix))
            {
                best = name;
                bestLength = prefix.Length;
            }
        }

        return best ?? category;
    }

    /// <summary>True when <paramref name="category"/> is <paramref name="prefix"/> or below it (dot-separated); the empty prefix matches all.</summary>
    public static bool Matches(string category, string prefix)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix.Length == 0
            || (category.StartsWith(prefix, StringComparison.Ordinal) && (category.Length == prefix.Length || category[prefix.Length] == '.'));
    }

    private static bool IsOurCategory(string name) => name.StartsWith("DhcpCluster", StringComparison.Ordinal);
}
