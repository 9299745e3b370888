using System.Globalization;

namespace DhcpCluster.Server.Benchmarks.Measuring;

/// <summary>CPU time and resident memory of one process, read from /proc.</summary>
internal static class ProcessMeter
{
    /// <summary>Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100.0;

    /// <summary>User + system CPU seconds of the process so far (0 when it has gone).</summary>
    public static double CpuSeconds(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return 0;
        }

        // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }

    /// <summary>Resident set size in bytes (VmRSS), 0 when the process has gone.</summary>
    public static long ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>Resident anonymous memory (heaps: the GC's, malloc's, stacks), without file mappings.</summary>
    public static long AnonymousResidentBytes(int pid) => StatusKilobytes(pid, "RssAnon:") * 1024;

    private static long StatusKilobytes(int pid, string label)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(label, StringComparison.Ordinal))
                {
                    return long.Parse(line[label.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            return 0;
        }

        return 0;
    }

    /// <summary>The 1-minute load average, printed beside every figure (the machine is shared).</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
