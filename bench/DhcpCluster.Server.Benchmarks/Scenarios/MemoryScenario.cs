using System.Globalization;
using DhcpCluster.Lab.Load;
using DhcpCluster.Server.Benchmarks.Measuring;
using DhcpCluster.Server.Benchmarks.Servers;

namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>
/// Resident memory with N leases: a fresh server, perfdhcp with <c>-n</c> exchanges of distinct clients at a
/// moderate rate (repeated with other clients, up to five runs, until 99% of N leases exist), RSS when the runs end
/// and again after the idle wait (dhcp-node passivates idle client actors
/// after passivate-idle-client-after, 120 s by default).
/// </summary>
internal sealed class MemoryScenario(BenchTopology topology, BenchOptions options, TextWriter log)
{
    private const int MaxRuns = 5;

    public async Task<MemoryResult> RunAsync(IServerUnderTest server, int rate)
    {
        ArgumentNullException.ThrowIfNull(server);
        var running = await server.StartAsync(topology).ConfigureAwait(false);
        await using (running.ConfigureAwait(false))
        {
            // Let the runtime settle so the baseline is the idle server.
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            var idle = ProcessMeter.ResidentBytes(running.Pid);
            var idleAnonymous = ProcessMeter.AnonymousResidentBytes(running.Pid);
            SaveMaps(server, running.Pid, "idle");
            // On a loaded machine a run loses exchanges: further runs (other MAC ranges) make up the missing leases.
            var leases = 0L;
            for (var run = 0; run < MaxRuns && leases < options.Leases * 99 / 100; run++)
            {
                var wanted = options.Leases - leases;
                var seconds = (int)(wanted / rate) + 60;
                var report = await Perfdhcp.RunAsync(
                    topology.Load, BenchTopology.RelayAddress, BenchTopology.ServerAddress, rate, RateSearch.Clients, seconds,
                    ["-n", wanted.ToString(CultureInfo.InvariantCulture), "-b", string.Create(CultureInfo.InvariantCulture, $"mac=00:0d:{run:x2}:00:00:00")]).ConfigureAwait(false);
                leases += report.RequestAck?.Received ?? 0;
            }

            var loaded = ProcessMeter.ResidentBytes(running.Pid);
            SaveMaps(server, running.Pid, "loaded");
            await Task.Delay(options.PassivationWait).ConfigureAwait(false);
            var settled = ProcessMeter.ResidentBytes(running.Pid);
            var settledAnonymous = ProcessMeter.AnonymousResidentBytes(running.Pid);
            SaveMaps(server, running.Pid, "settled");
            var result = new MemoryResult(server.Name, leases, idle, loaded, settled, options.PassivationWait.TotalSeconds, ProcessMeter.LoadAverage());
            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {server.Name,-22} {leases} leases: RSS idle {idle / 1048576.0:F1} MiB, after load {loaded / 1048576.0:F1} MiB ({result.BytesPerLeaseAfterLoad:F0} B/lease), after {options.PassivationWait.TotalSeconds:F0} s idle {settled / 1048576.0:F1} MiB ({result.BytesPerLeaseSettled:F0} B/lease; anonymous {settledAnonymous / 1048576.0:F1} MiB, idle {idleAnonymous / 1048576.0:F1} MiB), load {result.LoadAverage:F2}"));
            return result;
        }
    }

    /// <summary>With --memory-maps: saves the server's smaps as SERVER-STAGE.smaps and prints its summary.</summary>
    private void SaveMaps(IServerUnderTest server, int pid, string stage)
    {
        if (options.MemoryMapsDirectory is not { } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{server.Name.Replace(' ', '-')}-{stage}.smaps");
        if (MemoryMaps.Capture(pid, file) is { } maps)
        {
            log.WriteLine($"    {stage}: {maps.Describe()}");
        }
    }
}
