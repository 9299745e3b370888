using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>A server under test while it runs: its process (the pid is the server itself: <c>ip netns exec</c> execs it).</summary>
internal sealed partial class RunningServer(string name, LabProcess process, DateTimeOffset spawnedAt) : IAsyncDisposable
{
    public string Name { get; } = name;

    public LabProcess Process { get; } = process;

    public int Pid => Process.Id;

    /// <summary>When the process was spawned (wall clock), for start-time figures.</summary>
    public DateTimeOffset SpawnedAt { get; } = spawnedAt;

    /// <summary>dhcp-node's counters from its DHCP4_STATISTICS line at stop (empty for other servers).</summary>
    public IReadOnlyDictionary<string, long> Counters { get; private set; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>dhcp-node's garbage collections over its life, once it stopped and printed them (null for other servers).</summary>
    public RuntimeFigures? Runtime { get; private set; }

    /// <summary>
    /// Stops the server with SIGTERM (bounded wait, then the lab kills it) and returns the journal's events per
    /// commit when the server prints them (dhcp-node's DHCP4_JOURNAL_STATISTICS), else null.
    /// </summary>
    public async Task<JournalFigures?> StopAsync()
    {
        if (!Process.HasExited)
        {
            await Process.SignalAsync(15).ConfigureAwait(false);
            try
            {
                await Process.WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch (DhcpCluster.Lab.LabException)
            {
                await Process.SignalAsync(9).ConfigureAwait(false);
            }
        }

        // The output streams may trail the exit by a moment.
        for (var i = 0; i < 50 && !Process.Lines.Any(l => l.Contains("DHCP4_SHUTDOWN", StringComparison.Ordinal)) && Name.StartsWith("dhcp-node", StringComparison.Ordinal); i++)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        if (Process.Lines.LastOrDefault(l => l.Contains("DHCP4_STATISTICS ", StringComparison.Ordinal)) is { } statistics)
        {
            Counters = Counter().Matches(statistics).ToDictionary(m => m.Groups["name"].Value, m => long.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }

        if (Process.Lines.LastOrDefault(l => l.Contains("DHCP4_RUNTIME_STATISTICS", StringComparison.Ordinal)) is { } runtime
            && RuntimeLine().Match(runtime) is { Success: true } collected)
        {
            Runtime = new RuntimeFigures(
                long.Parse(collected.Groups["collections"].Value, CultureInfo.InvariantCulture),
                double.Parse(collected.Groups["pause"].Value, CultureInfo.InvariantCulture),
                (DateTimeOffset.UtcNow - SpawnedAt).TotalSeconds);
        }

        var line = Process.Lines.LastOrDefault(l => l.Contains("DHCP4_JOURNAL_STATISTICS", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var match = JournalLine().Match(line);
        return match.Success
            ? new JournalFigures(
                long.Parse(match.Groups["commits"].Value, CultureInfo.InvariantCulture),
                long.Parse(match.Groups["events"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["per"].Value, CultureInfo.InvariantCulture),
                Milliseconds(match.Groups["transaction"]),
                Milliseconds(match.Groups["commit"]))
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await Process.DisposeAsync().ConfigureAwait(false);
    }

    private static double Milliseconds(Group group) => group.Success ? double.Parse(group.Value, CultureInfo.InvariantCulture) : double.NaN;

    [GeneratedRegex(@"commits=(?<commits>\d+) .*events=(?<events>\d+) events-per-commit=(?<per>[0-9.]+)(?:.* transaction-ms=(?<transaction>[0-9.]+) commit-ms=(?<commit>[0-9.]+))?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JournalLine();

    [GeneratedRegex(@"gc-collections=(?<collections>\d+) .*gc-pause-ms=(?<pause>[0-9.]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RuntimeLine();

    [GeneratedRegex(@"(?<name>[a-z0-9-]+)=(?<value>\d+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Counter();
}
