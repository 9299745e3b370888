using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DhcpCluster.Lab.Databases;
using DhcpCluster.Lab.Processes;
using DhcpCluster.Server.Benchmarks;
using DhcpCluster.Server.Benchmarks.Measuring;
using DhcpCluster.Server.Benchmarks.Reporting;
using DhcpCluster.Server.Benchmarks.Scenarios;
using DhcpCluster.Server.Benchmarks.Servers;

// dhcp-node against Kea 2.2 with perfdhcp in network namespaces; see BenchOptions.Usage and the README.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + BenchOptions.Usage).ConfigureAwait(false);
    return 2;
}

if (!OperatingSystem.IsLinux() || !string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync("the benchmark needs Linux and root (network namespaces)").ConfigureAwait(false);
    return 2;
}

var log = Console.Out;
var results = new BenchResults
{
    Command = "dotnet run -c Release --project bench/DhcpCluster.Server.Benchmarks --" + (args.Length == 0 ? string.Empty : " " + string.Join(' ', args)),
    StartedAt = DateTimeOffset.UtcNow,
    Machine = string.Join(", ", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " cores", await VersionAsync("kea-dhcp4", "-V").ConfigureAwait(false), await VersionAsync("perfdhcp", "-v").ConfigureAwait(false)),
    LoadAverageAtStart = ProcessMeter.LoadAverage(),
};
log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{results.Command}\n{results.Machine}; load average {results.LoadAverageAtStart:F2}; parts: {string.Join(", ", BenchOptions.AllParts.Concat(BenchOptions.ExtraParts).Where(options.Runs))}{(options.Quick ? " (quick: plumbing only, figures meaningless)" : string.Empty)}"));

BenchTopology? topology = null;
PostgresServer? postgres = null;
var tornDown = 0;
async Task TearDownAsync()
{
    if (Interlocked.Exchange(ref tornDown, 1) == 1)
    {
        return;
    }

    if (topology is not null)
    {
        await topology.DisposeAsync().ConfigureAwait(false);
    }

    if (postgres is not null)
    {
        await postgres.DisposeAsync().ConfigureAwait(false);
    }
}

void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine($"{context.Signal}: tearing down the namespaces and servers");
    TearDownAsync().GetAwaiter().GetResult();
    Environment.Exit(130);
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
try
{
    topology = await BenchTopology.CreateAsync(options.LabPrefix).ConfigureAwait(false);
    results.Notes.Add(string.Create(
        CultureInfo.InvariantCulture,
        $"net.core.rmem_default is {BenchTopology.ReceiveBufferBytes:N0} bytes during the run (the host's value comes back at the end), for perfdhcp's socket and Kea's alike; 'full-buffer drops' count the datagrams the kernel dropped at a full socket in the server's namespace and in perfdhcp's"));
    var search = new RateSearch(topology, options, log);
    var node = DhcpNodeServer.Sqlite();

    if (options.Runs("ceiling"))
    {
        log.WriteLine("== Harness ceiling: stateless responder");
        results.Ceiling = await search.RunAsync(new StatelessCeiling()).ConfigureAwait(false);
    }

    if (options.Runs("ours"))
    {
        log.WriteLine("== File storage: our node only");
        results.FileStorage.Add(await search.RunAsync(node).ConfigureAwait(false));
    }

    if (options.Runs("ours-nosync"))
    {
        log.WriteLine("== File storage: our node without an fsync per commit (not our default)");
        results.FileStorage.Add(await search.RunAsync(DhcpNodeServer.SqliteWithoutSync()).ConfigureAwait(false));
    }

    KeaReference? bestKea = null;
    RateStep? keaBest = null;
    if (options.Runs("memfile") || (options.LoadRate is null && (options.Runs("renew") || options.Runs("memory"))))
    {
        log.WriteLine("== File storage: rate search (each run: fresh server, empty lease database)");
        foreach (var server in new IServerUnderTest[] { node, KeaReference.Memfile(multiThreaded: false), KeaReference.Memfile(multiThreaded: true) })
        {
            results.FileStorage.Add(await search.RunAsync(server).ConfigureAwait(false));
        }

        (bestKea, keaBest) = BestKea(results.FileStorage, [KeaReference.Memfile(false), KeaReference.Memfile(true)]);
        if (keaBest is not null)
        {
            results.OursAtKeasRate.Add(await RunAtAsync(search, node, keaBest.OfferedRate, options.Repeat).ConfigureAwait(false));
            results.OursWithoutSyncAtKeasRate = await RunAtAsync(search, DhcpNodeServer.SqliteWithoutSync(), keaBest.OfferedRate, options.Repeat).ConfigureAwait(false);
        }
    }

    if (options.Runs("postgresql"))
    {
        log.WriteLine("== PostgreSQL: rate search (Debian's kea-dhcp4 links libpq: its postgresql lease backend is measured)");
        postgres = await PostgresServer.StartNewAsync().ConfigureAwait(false);
        var ours = DhcpNodeServer.PostgreSql(postgres);
        IServerUnderTest[] keas = [KeaReference.PostgreSql(false, postgres), KeaReference.PostgreSql(true, postgres)];
        results.PostgreSql.Add(await search.RunAsync(ours).ConfigureAwait(false));
        foreach (var kea in keas)
        {
            results.PostgreSql.Add(await search.RunAsync(kea).ConfigureAwait(false));
        }

        var (_, pgKeaBest) = BestKea(results.PostgreSql, keas);
        if (pgKeaBest is not null)
        {
            if (results.OursAtKeasRate.Count == 0)
            {
                results.Notes.Add("the file-storage comparison did not run, so the PostgreSQL delay comparison is listed first");
            }

            results.OursAtKeasRate.Add(await RunAtAsync(search, ours, pgKeaBest.OfferedRate, options.Repeat).ConfigureAwait(false));
        }
    }

    // A common, moderate rate for the renew/release and memory loads: half of Kea's best, at most 5,000/s.
    var moderate = options.LoadRate ?? Math.Max(100, Math.Min(5000, (int)((keaBest?.MedianAchievedRate ?? options.StartRate * 2) / 2)));
    bestKea ??= KeaReference.Memfile(multiThreaded: false);
    if (options.Runs("renew"))
    {
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== Renew and release loads at -r {moderate}"));
        var mixed = new RenewReleaseScenario(topology, options, log);
        results.RenewRelease.AddRange(await mixed.RunAsync(node, moderate).ConfigureAwait(false));
        results.RenewRelease.AddRange(await mixed.RunAsync(bestKea, moderate).ConfigureAwait(false));
    }

    if (options.Runs("memory") || options.Runs("memory-ours"))
    {
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== Resident memory with {options.Leases:N0} leases at -r {moderate}, then {options.PassivationWait.TotalSeconds:F0} s idle"));
        var memory = new MemoryScenario(topology, options, log);
        var passivating = options.PassivateAfter is null ? node : DhcpNodeServer.Sqlite(options.PassivateAfter);
        if (options.PassivateAfter is not null)
        {
            results.Notes.Add($"memory: quick mode passivates idle client actors after {options.PassivateAfter} (the default is 120 s)");
        }

        results.Memory.Add(await memory.RunAsync(passivating, moderate).ConfigureAwait(false));
        if (options.Runs("memory"))
        {
            results.Memory.Add(await memory.RunAsync(bestKea, moderate).ConfigureAwait(false));
        }
    }

    if (options.Runs("start"))
    {
        var startLeases = options.StartLeases > 0 ? options.StartLeases : options.JournalLeases;
        var startEvents = options.StartLeases > 0 ? Math.Max(options.JournalEvents, options.StartLeases) : options.JournalEvents;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== Start over {startEvents:N0} journal events of {startLeases:N0} leases"));
        results.Notes.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"start: the journal holds {startEvents:N0} events of {startLeases:N0} leases (bound, then renewed round robin; {(options.StartFullReplay ? "no snapshot: a full replay" : "with the snapshot the server would have saved last")}); {(options.StartLeases > 0 ? $"the leases are in the relay-selected subnet {BenchTopology.LargeSubnet}, to which no packet is addressed (OFFERs go to the relay's giaddr)" : "in the benchmark pool")}"));
        results.Start = await new StartScenario(topology, options, log).RunAsync(node).ConfigureAwait(false);
    }
}
finally
{
    await TearDownAsync().ConfigureAwait(false);
}

var json = JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
await File.WriteAllTextAsync(options.JsonPath, json).ConfigureAwait(false);
log.WriteLine();
log.WriteLine(ResultTables.Render(results));
log.WriteLine("JSON: " + Path.GetFullPath(options.JsonPath));
return 0;

static (KeaReference? Server, RateStep? Best) BestKea(IReadOnlyList<RateSearchResult> searches, IReadOnlyList<IServerUnderTest> keas)
{
    var best = searches.Where(s => s.Server.StartsWith("kea", StringComparison.Ordinal) && s.Best is not null).MaxBy(s => s.Best!.MedianAchievedRate);
    return best is null ? (null, null) : ((KeaReference?)keas.FirstOrDefault(k => string.Equals(k.Name, best.Server, StringComparison.Ordinal)), best.Best);
}

static async Task<RateStep> RunAtAsync(RateSearch search, IServerUnderTest server, int rate, int repeat)
{
    var runs = new List<RateRun>();
    for (var i = 0; i < repeat; i++)
    {
        runs.Add(await search.RunOnceAsync(server, rate, []).ConfigureAwait(false));
    }

    var step = new RateStep(rate, runs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {server.Name} at Kea's best -r {rate}: avg delay {step.MedianAverageDelayMs:F2} ms, drops {step.MedianDropsPercent:F2}%, load {step.LoadAverage:F2}"));
    return step;
}

static async Task<string> VersionAsync(string program, string flag)
{
    try
    {
        var result = await Command.RunAsync(program, flag).ConfigureAwait(false);
        return program + " " + (result.StandardOutput + result.StandardError).Trim().Split('\n')[0];
    }
    catch (DhcpCluster.Lab.LabException)
    {
        return program + " missing";
    }
}
