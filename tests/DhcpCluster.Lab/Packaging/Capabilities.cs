using System.Globalization;

namespace DhcpCluster.Lab.Packaging;

/// <summary>
/// Linux capability names as the packaging files write them (compose <c>NET_RAW</c>, systemd <c>CAP_NET_RAW</c>,
/// setcap <c>cap_net_raw</c>), normalised to setpriv's form (<c>net_raw</c>), and the masks of /proc/PID/status.
/// </summary>
public static class Capabilities
{
    /// <summary>What a DHCP server needs: raw frames to clients without an address, and port 67.</summary>
    public static readonly IReadOnlySet<string> DhcpServer = new SortedSet<string>(StringComparer.Ordinal) { "net_bind_service", "net_raw" };

    private static readonly Dictionary<string, int> Bits = new(StringComparer.Ordinal)
    {
        ["chown"] = 0, ["dac_override"] = 1, ["fowner"] = 3, ["kill"] = 5, ["setgid"] = 6, ["setuid"] = 7, ["setpcap"] = 8,
        ["net_bind_service"] = 10, ["net_broadcast"] = 11, ["net_admin"] = 12, ["net_raw"] = 13, ["sys_admin"] = 21,
    };

    public static string Normalize(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower.StartsWith("cap_", StringComparison.Ordinal) ? lower[4..] : lower;
    }

    public static SortedSet<string> Set(IEnumerable<string> names) => new(names.Select(Normalize), StringComparer.Ordinal);

    /// <summary>The mask of a set of known capabilities, as /proc/PID/status prints it.</summary>
    public static ulong Mask(IEnumerable<string> names) =>
        names.Select(Normalize).Aggregate(0UL, (mask, name) => mask | (1UL << (Bits.TryGetValue(name, out var bit) ? bit : throw new ArgumentException($"unknown capability {name}", nameof(names)))));

    /// <summary>The capability masks (CapInh, CapPrm, CapEff, CapBnd, CapAmb) and real uid of a running process.</summary>
    public static (IReadOnlyDictionary<string, ulong> Masks, int Uid) OfProcess(int pid)
    {
        var masks = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var uid = -1;
        foreach (var line in File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                continue;
            }

            if (parts[0].StartsWith("Cap", StringComparison.Ordinal))
            {
                masks[parts[0]] = ulong.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            else if (string.Equals(parts[0], "Uid", StringComparison.Ordinal))
            {
                uid = int.Parse(parts[1].Split('\t', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
            }
        }

        return (masks, uid);
    }

    /// <summary>setpriv's list form: <c>-all,+net_raw,+net_bind_service</c>.</summary>
    public static string SetprivList(IEnumerable<string> names) => string.Join(',', new[] { "-all" }.Concat(names.Select(n => "+" + Normalize(n))));
}
