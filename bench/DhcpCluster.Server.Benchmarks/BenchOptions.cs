using System.Globalization;

namespace DhcpCluster.Server.Benchmarks;

/// <summary>What to run and how long; parsed from the command line (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: DhcpCluster.Server.Benchmarks [--quick] [--only PART[,PART...]] [--seconds S] [--repeat N]
                                             [--start-rate R] [--rate-factor F] [--refine N] [--max-rate R] [--leases N]
                                             [--journal-events N] [--start-leases N] [--rate R] [--lab-prefix P] [--json FILE]
                                             [--memory-maps DIR]
          --quick            smoke run of every part in seconds (short steps, two rates, small counts): plumbing, not figures
          --only             parts: ceiling, memfile, postgresql, start, renew, memory (default: all); also ours: only
                             our node's file-storage rate search (no Kea, for quick iterations; not in the default);
                             ours-nosync: the same search with SQLite synchronous=normal (no fsync per commit, Kea
                             memfile's durability; never our figure); memory-ours: only our node's resident-memory
                             figure (no Kea; not in the default)
          --seconds S        perfdhcp period of one rate step (default 5; ISC's method)
          --warmup S         light load (-r 1000 at most, other clients) after each start, before measuring (default 2)
          --repeat N         runs per rate step, median reported (default 3)
          --start-rate R     first perfdhcp -r of the search (default 2000)
          --rate-factor F    next rate = rate x F while the median REQUEST-ACK drops stay <= 2.5% (default 1.25)
          --refine N         after the first step over the limit, N steps halfway between the highest passing -r and the
                             lowest failing one (default 2: the maximum is then known within 1/16 of a 1.25 step)
          --max-rate R       the search stops here (default 60000)
          --leases N         leases for the resident-memory figure (default 100000)
          --journal-events N journal events seeded for the start-time figure (default 1000000)
          --start-replay     the start journal has no snapshot (default: the snapshot the server would have saved last)
          --start-leases N   distinct leases seeded for the start-time figure in the start scenario's large relayed subnet
                             (default 1000000; at most 1048576); 0 seeds the old way: --journal-events events over
                             120,000 leases of the benchmark pool
          --rate R           the -r of the renew, release and memory loads (default: half of Kea's best from the
                             file-storage search, at most 5,000); given, memory and renew run without that search
          --lab-prefix P     name prefix of the lab's namespaces (lower-case letters, default bn): parallel runs need
                             their own, since a lab sweeps abandoned namespaces of its prefix
          --json FILE        where the results go as JSON (default bench-results.json in the current directory)
          --memory-maps DIR  the memory part also saves each server's /proc/PID/smaps when idle, loaded and settled
                             (SERVER-idle.smaps, ...) and prints the resident memory by kind of mapping
        Needs root (network namespaces) and kea-dhcp4-server, kea-admin (perfdhcp), postgresql 15, tcpdump.
        """;

    /// <summary>Addresses of the start scenario's large subnet (see <see cref="BenchTopology.LargeSubnet"/>).</summary>
    public const int StartScenarioSubnetSize = BenchTopology.LargePoolSize;

    public static readonly IReadOnlyList<string> AllParts = ["ceiling", "memfile", "postgresql", "start", "renew", "memory"];

    /// <summary>Parts that <c>--only</c> accepts but a default run leaves out.</summary>
    public static readonly IReadOnlyList<string> ExtraParts = ["ours", "ours-nosync", "memory-ours"];

    public bool Quick { get; init; }

    public IReadOnlySet<string> Parts { get; init; } = new HashSet<string>(AllParts, StringComparer.Ordinal);

    public int StepSeconds { get; init; } = 5;

    public int Repeat { get; init; } = 3;

    public int StartRate { get; init; } = 2000;

    public double RateFactor { get; init; } = 1.25;

    public int MaxRate { get; init; } = 60000;

    /// <summary>Bisection steps between the highest passing and the lowest failing rate once the search has both.</summary>
    public int RefineSteps { get; init; } = 2;

    public int MaxSteps { get; init; } = 16;

    /// <summary>Seconds of light load (another MAC range) every server gets after its start, before a measured run.</summary>
    public int WarmupSeconds { get; init; } = 2;

    public int Leases { get; init; } = 100_000;

    public int JournalEvents { get; init; } = 1_000_000;

    /// <summary>Distinct leases in the start scenario's large subnet (0: the old seeding, inside the benchmark pool).</summary>
    public int StartLeases { get; init; } = 1_000_000;

    /// <summary>The fixed -r of the renew, release and memory loads; null: derived from Kea's best rate.</summary>
    public int? LoadRate { get; init; }

    /// <summary>Name prefix of the lab's network namespaces.</summary>
    public string LabPrefix { get; init; } = "bn";

    /// <summary>Seed the start-time journal without the snapshot the server would have written (a full replay).</summary>
    public bool StartFullReplay { get; init; }

    /// <summary>Distinct leases among the seeded journal events (the benchmark range holds 131,072 addresses).</summary>
    public int JournalLeases { get; init; } = 120_000;

    /// <summary>How long the memory figure waits for idle client actors to passivate (the default setting is 120 s).</summary>
    public TimeSpan PassivationWait { get; init; } = TimeSpan.FromSeconds(135);

    /// <summary>Overrides the node's passivate-idle-client-after (null: the default); only the quick mode sets it.</summary>
    public string? PassivateAfter { get; init; }

    public string JsonPath { get; init; } = "bench-results.json";

    /// <summary>Where the memory part saves the servers' /proc/PID/smaps (null: nowhere).</summary>
    public string? MemoryMapsDirectory { get; init; }

    public bool Runs(string part) => Parts.Contains(part);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        if (args.Contains("--quick", StringComparer.Ordinal))
        {
            options = Quickly();
        }

        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value", nameof(args));
            int Int() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--quick" => options,
                "--only" => options with { Parts = Only(Next()) },
                "--seconds" => options with { StepSeconds = Positive(Int(), "--seconds") },
                "--repeat" => options with { Repeat = Positive(Int(), "--repeat") },
                "--warmup" => options with { WarmupSeconds = Int() },
                "--start-rate" => options with { StartRate = Positive(Int(), "--start-rate") },
                "--rate-factor" => options with { RateFactor = Factor(Next()) },
                "--refine" => options with { RefineSteps = Int() },
                "--max-rate" => options with { MaxRate = Positive(Int(), "--max-rate") },
                "--leases" => options with { Leases = Positive(Int(), "--leases") },
                "--journal-events" => options with { JournalEvents = Positive(Int(), "--journal-events") },
                "--start-leases" => options with { StartLeases = StartLeaseCount(Int()) },
                "--rate" => options with { LoadRate = Positive(Int(), "--rate") },
                "--lab-prefix" => options with { LabPrefix = Next() },
                "--json" => options with { JsonPath = Next() },
                "--start-replay" => options with { StartFullReplay = true },
                "--memory-maps" => options with { MemoryMapsDirectory = Next() },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'", nameof(args)),
            };
        }

        return options with { JournalLeases = Math.Min(options.JournalLeases, options.JournalEvents) };
    }

    private static BenchOptions Quickly() => new()
    {
        Quick = true,
        StepSeconds = 1,
        Repeat = 1,
        StartRate = 500,
        RateFactor = 2,
        MaxRate = 1000,
        MaxSteps = 2,
        RefineSteps = 0,
        Leases = 2000,
        WarmupSeconds = 0,
        JournalEvents = 20_000,
        JournalLeases = 5_000,
        StartLeases = 20_000,
        PassivationWait = TimeSpan.FromSeconds(4),
        PassivateAfter = "2s",
        JsonPath = Path.Combine(Path.GetTempPath(), "bench-results-quick.json"),
    };

    private static HashSet<string> Only(string text)
    {
        var parts = new HashSet<string>(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        var unknown = parts.Where(p => !AllParts.Contains(p, StringComparer.Ordinal) && !ExtraParts.Contains(p, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0 ? parts : throw new ArgumentException($"unknown part(s) {string.Join(", ", unknown)}; parts are {string.Join(", ", AllParts.Concat(ExtraParts))}", nameof(text));
    }

    private static int StartLeaseCount(int value) =>
        value <= StartScenarioSubnetSize ? value : throw new ArgumentException($"--start-leases is at most {StartScenarioSubnetSize}", nameof(value));

    private static int Positive(int value, string name) => value > 0 ? value : throw new ArgumentException($"{name} must be positive", nameof(value));

    private static double Factor(string text)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return value > 1 ? value : throw new ArgumentException("--rate-factor must be above 1", nameof(text));
    }
}
