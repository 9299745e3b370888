using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Dhcp;
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
/// <para>
/// By default (<c>--start-leases</c>, 1,000,000) the leases live in a second, large subnet
/// (<see cref="BenchTopology.LargeSubnet"/>, 1,048,574 pool addresses) that the node selects for perfdhcp's relayed
/// packets by the relay address (Kea's <c>relay.ip-addresses</c> = giaddr 198.18.0.2): the journal holds the million
/// bound leases (plus renewals up to <c>--journal-events</c>), and the new clients are offered addresses among the
/// 48,574 left. No packet is ever addressed to the large subnet: its addresses only appear inside OFFERs, which go
/// unicast to the relay's giaddr in 198.18.0.0/15, and no interface holds them. With <c>--start-leases 0</c> the old
/// seeding runs: <c>--journal-events</c> events over 120,000 leases of the benchmark pool.
/// </para>
/// </summary>
internal sealed partial class StartScenario(BenchTopology topology, BenchOptions options, TextWriter log)
{
    private const int CheckedOffers = 1000;
    private const string LargeOwner = "dhcp4-pool-owner-subnet-2";
    private static readonly TimeSpan MaxStart = TimeSpan.FromSeconds(180);

    public async Task<StartResult> RunAsync(DhcpNodeServer node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var journal = Path.Combine(topology.Lab.Directory, "seeded-journal.db");
        var large = options.StartLeases > 0;
        var events = large ? Math.Max(options.JournalEvents, options.StartLeases) : options.JournalEvents;
        var leased = await SeedAsync(journal, large, events).ConfigureAwait(false);

        var capture = Path.Combine(topology.Lab.Directory, "start-replies.pcap");
        var tcpdump = topology.Load.Start(
            "tcpdump",
            ["-i", BenchTopology.LoadInterface, "-n", "-U", "-c", (3 * CheckedOffers).ToString(CultureInfo.InvariantCulture), "-w", capture,
             "udp and src host " + BenchTopology.ServerAddress + " and src port 67"]);
        await using (tcpdump.ConfigureAwait(false))
        {
            await tcpdump.WaitForLineAsync(Listening(), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            var running = await node.StartOnJournalAsync(topology, journal, large).ConfigureAwait(false);
            await using (running.ConfigureAwait(false))
            {
                // 1,000 new clients a second from the spawn on (lost until it listens), in 5 s runs until 1,000 offers
                // came back or MaxStartSeconds passed.
                var offered = 0L;
                var output = string.Empty;
                var started = Stopwatch.StartNew();
                while (offered < CheckedOffers && started.Elapsed < MaxStart && !running.Process.HasExited)
                {
                    var report = await Perfdhcp.RunAsync(
                        topology.Load, BenchTopology.RelayAddress, BenchTopology.ServerAddress, rate: 1000, RateSearch.Clients, seconds: 5,
                        ["-b", "mac=00:0c:88:00:00:00"]).ConfigureAwait(false);
                    offered += report.DiscoverOffer?.Received ?? 0;
                    output = report.Output;
                }

                await Task.Delay(500).ConfigureAwait(false);
                await tcpdump.SignalAsync(2).ConfigureAwait(false);
                await tcpdump.WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                var owner = large ? LargeOwner : JournalSeeder.PersistenceId;
                var recovered = running.Process.Lines.FirstOrDefault(l => l.Contains("DHCP4_POOL_OWNER_RECOVERED", StringComparison.Ordinal) && l.Contains(owner, StringComparison.Ordinal));
                var recoveredAfter = recovered is not null && LogTime().Match(recovered) is { Success: true } time
                    ? (DateTimeOffset.Parse(time.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) - running.SpawnedAt).TotalSeconds
                    : double.NaN;
                await running.StopAsync().ConfigureAwait(false);

                var offers = PcapReplies.Read(capture).Where(r => r.Type == DhcpMessageType.Offer).ToList();
                var firstOffer = offers.Count > 0 ? (offers[0].At - running.SpawnedAt).TotalSeconds : double.NaN;
                var check = offers.Take(CheckedOffers).ToList();
                var conflicts = check.Count(o => leased.TryGetValue(o.YourAddress.Value, out var holder) && !string.Equals(holder, o.HardwareAddress, StringComparison.Ordinal));
                var result = new StartResult(events, leased.Count, !options.StartFullReplay, firstOffer, recoveredAfter, check.Count, conflicts, ProcessMeter.LoadAverage());
                log.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  dhcp-node with {events:N0} journal events ({leased.Count:N0} leases): pool owner recovered {recoveredAfter:F2} s and first OFFER {(offers.Count > 0 ? firstOffer.ToString("F2", CultureInfo.InvariantCulture) + " s" : $"none within {MaxStart.TotalSeconds:F0} s")} after spawn; {conflicts} of the first {check.Count} offers name a leased address; load {result.LoadAverage:F2}"));
                if (offers.Count == 0)
                {
                    log.WriteLine("  perfdhcp's last run:\n" + output);
                }

                return result;
            }
        }
    }

    private async Task<IReadOnlyDictionary<uint, string>> SeedAsync(string journal, bool large, int events)
    {
        var seeding = Stopwatch.StartNew();
        var leases = large ? options.StartLeases : options.JournalLeases;
        var leased = large
            ? await JournalSeeder.SeedSqliteAsync(journal, LargeOwner, BenchTopology.LargeSubnetId, Ipv4Address.Parse(BenchTopology.LargePool.Split(' ')[0]), events, leases, withSnapshot: !options.StartFullReplay).ConfigureAwait(false)
            : await JournalSeeder.SeedSqliteAsync(journal, events, leases, withSnapshot: !options.StartFullReplay).ConfigureAwait(false);
        var snapshotAt = options.StartFullReplay ? 0 : JournalSeeder.LastSnapshotAt(events, leases);
        var how = options.StartFullReplay ? "no snapshot: a full replay" : string.Create(CultureInfo.InvariantCulture, $"with the snapshot the server would have saved last (at event {snapshotAt:N0}: {events - snapshotAt:N0} events to replay)");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {events:N0} events ({leased.Count:N0} leases{(large ? " in " + BenchTopology.LargeSubnet : string.Empty)}), {how}, in {seeding.Elapsed.TotalSeconds:F1} s"));
        return leased;
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LogTime();

    [GeneratedRegex("listening on", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Listening();
}
