using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Lab.Load;
using DhcpCluster.Server.Benchmarks.Measuring;
using DhcpCluster.Server.Benchmarks.Servers;

namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>
/// Start with a big journal: the journal is seeded (<see cref="JournalSeeder"/>), tcpdump listens in the load
/// namespace, dhcp-node is spawned and perfdhcp (new clients, 00:0c:88:…) sends DISCOVERs from that moment on. The
/// figure is the time from the spawn to the first OFFER on the wire; then the first 1,000 offers are checked against
/// the seeded leases: an offer of an address leased to another client is a failure.
/// </summary>
internal sealed partial class StartScenario(BenchTopology topology, BenchOptions options, TextWriter log)
{
    private const int CheckedOffers = 1000;

    public async Task<StartResult> RunAsync(DhcpNodeServer node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var journal = Path.Combine(topology.Lab.Directory, "seeded-journal.db");
        var seeding = Stopwatch.StartNew();
        var leased = await JournalSeeder.SeedSqliteAsync(journal, options.JournalEvents, options.JournalLeases).ConfigureAwait(false);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {options.JournalEvents:N0} events ({leased.Count:N0} leases) in {seeding.Elapsed.TotalSeconds:F1} s"));

        var capture = Path.Combine(topology.Lab.Directory, "start-replies.pcap");
        var tcpdump = topology.Load.Start(
            "tcpdump",
            ["-i", BenchTopology.LoadInterface, "-n", "-U", "-c", (3 * CheckedOffers).ToString(CultureInfo.InvariantCulture), "-w", capture,
             "udp and src host " + BenchTopology.ServerAddress + " and src port 67"]);
        await using (tcpdump.ConfigureAwait(false))
        {
            await tcpdump.WaitForLineAsync(Listening(), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            var running = await node.StartOnJournalAsync(topology, journal).ConfigureAwait(false);
            await using (running.ConfigureAwait(false))
            {
                // Bounded: 1,000 DISCOVERs a second for at most LoadSeconds, started at the spawn (lost until it listens).
                var seconds = options.Quick ? 8 : 30;
                var report = await Perfdhcp.RunAsync(
                    topology.Load, BenchTopology.RelayAddress, BenchTopology.ServerAddress, rate: 1000, RateSearch.Clients, seconds,
                    ["-b", "mac=00:0c:88:00:00:00"]).ConfigureAwait(false);
                await Task.Delay(500).ConfigureAwait(false);
                await tcpdump.SignalAsync(2).ConfigureAwait(false);
                await tcpdump.WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                var recovered = running.Process.Lines.FirstOrDefault(l => l.Contains("DHCP4_POOL_OWNER_RECOVERED", StringComparison.Ordinal));
                await running.StopAsync().ConfigureAwait(false);

                var offers = PcapReplies.Read(capture).Where(r => r.Type == DhcpMessageType.Offer).ToList();
                if (offers.Count == 0)
                {
                    throw new InvalidOperationException("no OFFER was captured after the start; perfdhcp said:\n" + report.Output);
                }

                var firstOffer = (offers[0].At - running.SpawnedAt).TotalSeconds;
                var check = offers.Take(CheckedOffers).ToList();
                var conflicts = check.Count(o => leased.TryGetValue(o.YourAddress.Value, out var holder) && !string.Equals(holder, o.HardwareAddress, StringComparison.Ordinal));
                var result = new StartResult(options.JournalEvents, leased.Count, firstOffer, check.Count, conflicts, ProcessMeter.LoadAverage());
                log.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  dhcp-node with {options.JournalEvents:N0} journal events ({leased.Count:N0} leases): first OFFER {firstOffer:F2} s after spawn; {conflicts} of the first {check.Count} offers name a leased address; load {result.LoadAverage:F2}; {recovered ?? "no recovery line"}"));
                return result;
            }
        }
    }

    [GeneratedRegex("listening on", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Listening();
}
