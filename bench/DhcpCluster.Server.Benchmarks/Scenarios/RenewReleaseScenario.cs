using System.Globalization;
using DhcpCluster.Lab.Load;
using DhcpCluster.Server.Benchmarks.Measuring;
using DhcpCluster.Server.Benchmarks.Servers;

namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>
/// Renew-heavy (<c>-f</c>) and release (<c>-F</c>) loads: perfdhcp runs its 4-way exchanges at <c>-r</c> and
/// renews (or releases) the leases it obtained at the given share of that rate, against a fresh server.
/// </summary>
internal sealed class RenewReleaseScenario(BenchTopology topology, BenchOptions options, TextWriter log)
{
    public async Task<IReadOnlyList<MixedLoadResult>> RunAsync(IServerUnderTest server, int rate)
    {
        ArgumentNullException.ThrowIfNull(server);
        var results = new List<MixedLoadResult>();
        foreach (var (kind, flag) in new[] { ("renew", "-f"), ("release", "-F") })
        {
            var secondary = Math.Max(1, rate / 2);
            var seconds = Math.Max(1, Math.Min(options.StepSeconds * 2, RateSearch.MaxExchangesPerRun / rate));
            var running = await server.StartAsync(topology).ConfigureAwait(false);
            await using (running.ConfigureAwait(false))
            {
                var cpuBefore = ProcessMeter.CpuSeconds(running.Pid);
                var report = await Perfdhcp.RunAsync(
                    topology.Load, BenchTopology.RelayAddress, BenchTopology.ServerAddress, rate, RateSearch.Clients, seconds,
                    [flag, secondary.ToString(CultureInfo.InvariantCulture)]).ConfigureAwait(false);
                var cpu = ProcessMeter.CpuSeconds(running.Pid) - cpuBefore;
                var journal = await running.StopAsync().ConfigureAwait(false);
                var released = running.Counters.TryGetValue("lease4-released", out var count) ? count : (long?)null;
                var result = new MixedLoadResult(server.Name, kind, rate, secondary, seconds, report.Rate, [.. report.Exchanges.Values], cpu, journal, released, ProcessMeter.LoadAverage());
                results.Add(result);
                log.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {server.Name,-22} -r {rate} {flag} {secondary}: {string.Join("; ", result.Exchanges.Select(e => $"{e.Name} {e.Received}/{e.Sent} drops {e.DropsPercent:F2}% avg {e.AverageDelayMs:F2} ms"))}{(released is null ? string.Empty : $"; server counted {released} releases")}; CPU {cpu:F1} s{(journal is null ? string.Empty : $", {journal.EventsPerCommit:F1} events/commit")}, load {result.LoadAverage:F2}"));
            }
        }

        return results;
    }
}
