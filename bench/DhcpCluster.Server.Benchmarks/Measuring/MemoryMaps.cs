using System.Globalization;

namespace DhcpCluster.Server.Benchmarks.Measuring;

/// <summary>
/// A process's resident memory by kind of mapping, read from /proc/PID/smaps: anonymous mappings (the managed heap's
/// regions, glibc's arenas, stacks), glibc's main heap, JIT code (the runtime's double-mapped memfd), assemblies,
/// native libraries and other files. The largest anonymous mappings are listed by size (the managed heap's are the
/// multi-megabyte ones; glibc's thread arenas sit in 64 MiB reservations).
/// </summary>
internal sealed class MemoryMaps
{
    private readonly Dictionary<string, long> residentByKind = new(StringComparer.Ordinal);
    private readonly List<(long Resident, long Size, string Start)> anonymous = [];

    private MemoryMaps()
    {
    }

    /// <summary>Copies /proc/PID/smaps to <paramref name="copyTo"/> and summarizes it; null when the process has gone.</summary>
    public static MemoryMaps? Capture(int pid, string copyTo)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/smaps");
        }
        catch (IOException)
        {
            return null;
        }

        File.WriteAllText(copyTo, text);
        var maps = new MemoryMaps();
        string? kind = null;
        string start = string.Empty;
        long size = 0;
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                var range = fields[0].Split('-');
                start = range[0];
                size = (long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) - long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)) / 1024;
                kind = KindOf(fields.Length > 5 ? string.Join(' ', fields.Skip(5)) : string.Empty);
            }
            else if (kind is not null && fields.Length == 3 && string.Equals(fields[0], "Rss:", StringComparison.Ordinal))
            {
                var resident = long.Parse(fields[1], CultureInfo.InvariantCulture);
                maps.residentByKind[kind] = maps.residentByKind.GetValueOrDefault(kind) + resident;
                if (string.Equals(kind, "anonymous", StringComparison.Ordinal) && resident > 0)
                {
                    maps.anonymous.Add((resident, size, start));
                }
            }
        }

        return maps;
    }

    /// <summary>One line: KiB resident by kind, then the largest anonymous mappings (resident/size KiB).</summary>
    public string Describe() =>
        string.Join(", ", residentByKind.OrderByDescending(k => k.Value).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value / 1024.0:F1}")))
        + " MiB; largest anonymous (resident/size KiB): "
        + string.Join(" ", anonymous.OrderByDescending(a => a.Resident).Take(8).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Resident}/{a.Size}")));

    private static string KindOf(string name) => name switch
    {
        "" => "anonymous",
        "[heap]" => "glibc heap",
        "[stack]" => "stack",
        _ when name.StartsWith("/memfd:doublemapper", StringComparison.Ordinal) => "jit code",
        _ when name.EndsWith(".dll", StringComparison.Ordinal) => "assemblies",
        _ when name.Contains(".so", StringComparison.Ordinal) => "native libraries",
        _ when name.StartsWith('[') => "kernel",
        _ => "other files",
    };
}
