using System.Globalization;
using System.Text;
using DhcpCluster.Server.Benchmarks.Measuring;
using DhcpCluster.Server.Benchmarks.Scenarios;
using DhcpCluster.Server.Benchmarks.Servers;

namespace DhcpCluster.Server.Benchmarks.Reporting;

/// <summary>The tables printed at the end of a run.</summary>
internal static class ResultTables
{
    public static string Render(BenchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"== Results: {results.Command}");
        text.AppendLine(CultureInfo.InvariantCulture, $"   {results.StartedAt:u}, {results.Machine}, load average at start {results.LoadAverageAtStart:F2}");
        text.AppendLine("   max DORA/s = the highest median perfdhcp rate among the -r steps whose median REQUEST-ACK drops stayed <= 2.5%; delays are REQUEST-ACK's at that step.");
        if (results.Ceiling is { } ceiling)
        {
            text.AppendLine();
            text.AppendLine("Harness ceiling (perfdhcp against the stateless responder, same topology):");
            RateTable(text, [ceiling], results.Memory);
        }

        if (results.FileStorage.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("File storage: dhcp-node (SQLite journal, fsync per group commit) vs Kea 2.2 (memfile, persist on):");
            RateTable(text, results.FileStorage, results.Memory);
            Ratios(text, results.FileStorage, results.OursAtKeasRate.FirstOrDefault(), results.Ceiling);
            if (results.OursWithoutSyncAtKeasRate is { } unsynced)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  not our default, for comparison at Kea memfile's durability (no fsync per commit): dhcp-node avg delay {unsynced.MedianAverageDelayMs:F2} ms (DISCOVER-OFFER {unsynced.MedianDiscoverOfferDelayMs:F2} ms), drops {unsynced.MedianDropsPercent:F2}%, COMMIT {unsynced.MedianCommitMs:F2} ms");
            }
        }

        if (results.PostgreSql.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("PostgreSQL: dhcp-node (PostgreSQL journal, synchronous_commit=on) vs Kea 2.2 (postgresql lease backend):");
            RateTable(text, results.PostgreSql, []);
            Ratios(text, results.PostgreSql, results.OursAtKeasRate.Skip(1).FirstOrDefault(), null);
        }

        Secondary(text, results);
        return text.ToString();
    }

    private static void Secondary(StringBuilder text, BenchResults results)
    {
        if (results.Memory.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Resident memory (RSS from /proc; per lease = growth over the idle server / leases):");
            text.AppendLine("| server | leases | idle MiB | after load MiB | B/lease | after idle wait MiB | B/lease | wait s | load |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var m in results.Memory)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Server} | {m.Leases:N0} | {Mib(m.IdleBytes)} | {Mib(m.AfterLoadBytes)} | {m.BytesPerLeaseAfterLoad:F0} | {Mib(m.SettledBytes)} | {m.BytesPerLeaseSettled:F0} | {m.IdleWaitSeconds:F0} | {m.LoadAverage:F2} |");
            }
        }

        if (results.RenewRelease.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Renew (-f) and release (-F) loads, fresh server each, every exchange as perfdhcp counts it:");
            text.AppendLine("| server | load | -r / -f or -F | exchange | received/sent | drops % | avg ms | max ms | CPU s | events/commit | load avg |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in results.RenewRelease)
            {
                foreach (var e in r.Exchanges)
                {
                    var noReply = string.Equals(e.Name, "RELEASE", StringComparison.Ordinal);
                    var received = noReply ? $"{(r.ReleasesCounted is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " counted by the server" : "no reply")}/{e.Sent:N0}" : $"{e.Received:N0}/{e.Sent:N0}";
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Server} | {r.Kind} | {r.Rate} / {r.SecondaryRate} | {e.Name} | {received} | {(noReply ? "-" : e.DropsPercent.ToString("F2", CultureInfo.InvariantCulture))} | {e.AverageDelayMs:F2} | {e.MaxDelayMs:F1} | {r.ServerCpuSeconds:F1} | {(r.Journal is null ? "-" : r.Journal.EventsPerCommit.ToString("F1", CultureInfo.InvariantCulture))} | {r.LoadAverage:F2} |");
                }
            }
        }

        if (results.Start is { } start)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Start: dhcp-node over {start.JournalEvents:N0} journal events ({start.Leases:N0} leases, {(start.WithSnapshot ? "with the server's last snapshot" : "no snapshot, full replay")}): pool owner recovered after {start.SecondsToRecovered:F2} s, first OFFER {start.SecondsToFirstOffer:F2} s after spawn (target 10 s; NaN: none); offers of a leased address among the first {start.OffersChecked:N0}: {start.OffersOfLeasedAddresses} (must be 0); load {start.LoadAverage:F2}");
        }

        foreach (var note in results.Notes)
        {
            text.AppendLine("note: " + note);
        }
    }

    private static void RateTable(StringBuilder text, IReadOnlyList<RateSearchResult> searches, IReadOnlyList<MemoryResult> memory)
    {
        text.AppendLine("| server | max DORA/s | spread | at -r | avg delay ms | max delay ms | CPU s / 10k leases | events/commit | RSS B/lease (after idle) | load | steps |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var search in searches)
        {
            var best = search.Best;
            var m = memory.FirstOrDefault(x => string.Equals(x.Server, search.Server, StringComparison.Ordinal));
            var steps = search.Steps.Count + (search.Unbounded ? " (max-rate reached)" : search.SenderBound ? " (perfdhcp-bound)" : string.Empty);
            text.AppendLine(best is null
                ? $"| {search.Server} | none within 2.5% | | | | | | | | | {steps} |"
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {search.Server} | {best.MedianAchievedRate:F0} | {best.AchievedRateSpread:F0} | {best.OfferedRate} | {best.MedianAverageDelayMs:F2} | {best.MedianMaxDelayMs:F1} | {best.MedianCpuPer10k:F2} | {(best.MedianEventsPerCommit is { } e ? e.ToString("F1", CultureInfo.InvariantCulture) : "-")} | {(m is null ? "-" : m.BytesPerLeaseSettled.ToString("F0", CultureInfo.InvariantCulture))} | {best.LoadAverage:F2} | {steps} |"));
        }
    }

    private static void Ratios(StringBuilder text, IReadOnlyList<RateSearchResult> searches, RateStep? oursAtKeasRate, RateSearchResult? ceiling)
    {
        var ours = searches.FirstOrDefault(s => s.Server.StartsWith("dhcp-node", StringComparison.Ordinal) && !s.Server.EndsWith(DhcpNodeServer.WithoutSyncSuffix, StringComparison.Ordinal))?.Best;
        var kea = searches.Where(s => s.Server.StartsWith("kea", StringComparison.Ordinal) && s.Best is not null).MaxBy(s => s.Best!.MedianAchievedRate);
        if (ours is null || kea?.Best is null)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"ratio ours / Kea's best ({kea.Server}): max rate {ours.MedianAchievedRate / kea.Best.MedianAchievedRate:F2}x (target >= 2x); CPU per lease {ours.MedianCpuPer10k / kea.Best.MedianCpuPer10k:F2}x");
        if (oursAtKeasRate is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"at Kea's max rate (-r {oursAtKeasRate.OfferedRate}): dhcp-node avg delay {oursAtKeasRate.MedianAverageDelayMs:F2} ms (drops {oursAtKeasRate.MedianDropsPercent:F2}%) vs Kea {kea.Best.MedianAverageDelayMs:F2} ms (target: lower); DISCOVER-OFFER {oursAtKeasRate.MedianDiscoverOfferDelayMs:F2} ms vs {kea.Best.MedianDiscoverOfferDelayMs:F2} ms");
            text.AppendLine(CultureInfo.InvariantCulture, $"  where dhcp-node's delay goes there: {oursAtKeasRate.MedianEventsPerCommit:F1} events per commit, a transaction {oursAtKeasRate.MedianTransactionMs:F2} ms of which COMMIT (WAL write + fsync) {oursAtKeasRate.MedianCommitMs:F2} ms; garbage-collection pauses {oursAtKeasRate.MedianGcPauseMsPerSecond:F0} ms per second (every thread stopped; requests queue behind each pause)");
        }

        if (ceiling?.Best is { } c && c.MedianAchievedRate < 2 * kea.Best.MedianAchievedRate)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"the harness ceiling ({c.MedianAchievedRate:F0}/s) is below 2x Kea ({2 * kea.Best.MedianAchievedRate:F0}/s): the target is then the ceiling");
        }
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
}
