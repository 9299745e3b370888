using System.Globalization;
using DhcpCluster.Lab.Load;
using DhcpCluster.Server.Benchmarks.Servers;

namespace DhcpCluster.Server.Benchmarks.Measuring;

/// <summary>
/// ISC's method: raise perfdhcp's <c>-r</c> until more than 2.5% of the REQUEST-ACK exchanges are dropped; each
/// step runs <c>repeat</c> times, each run against a freshly started server with an empty lease database (so every
/// exchange allocates a new lease and no step inherits a fuller pool), and the step's median decides. When the first
/// step is already over the limit, the rate is halved until a step passes (at most four times). Once a step fails
/// above a passing one, <see cref="BenchOptions.RefineSteps"/> bisection steps narrow the maximum down between them.
/// When passing steps stop raising the achieved rate (perfdhcp, sharing the cores, sends no more), the search ends there.
/// </summary>
internal sealed class RateSearch(BenchTopology topology, BenchOptions options, TextWriter log)
{
    public const double DropLimitPercent = 2.5;

    /// <summary>Distinct clients perfdhcp draws from: far more than a run's exchanges, so nearly every one is a new client.</summary>
    public const int Clients = 16_000_000;

    /// <summary>A run never initiates more exchanges than this (the pool has 130,814 addresses).</summary>
    public const int MaxExchangesPerRun = 100_000;

    /// <summary>
    /// Passing steps in a row whose achieved rate rose less than <see cref="PlateauGain"/> over the best so far, after
    /// which the search stops: perfdhcp no longer sends more when asked for more (it shares the cores), so a higher
    /// <c>-r</c> measures nothing new.
    /// </summary>
    private const int PlateauSteps = 2;
    private const double PlateauGain = 0.02;

    /// <summary>How many halvings a search whose first step failed may take, and the lowest rate it tries.</summary>
    private const int MaxDownSteps = 4;
    private const double MinRate = 50;

    public async Task<RateSearchResult> RunAsync(IServerUnderTest server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var steps = new List<RateStep>();
        double rate = options.StartRate;
        double bestAchieved = 0;
        var withoutGain = 0;
        var plateau = false;
        for (var step = 0; step < options.MaxSteps && rate <= options.MaxRate; step++)
        {
            var result = await RunStepAsync(server, (int)Math.Round(rate)).ConfigureAwait(false);
            steps.Add(result);
            if (result.WithinDropLimit)
            {
                if (result.MedianAchievedRate >= bestAchieved * (1 + PlateauGain))
                {
                    bestAchieved = result.MedianAchievedRate;
                    withoutGain = 0;
                }
                else if (++withoutGain >= PlateauSteps)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {server.Name,-22} the achieved rate rose less than {PlateauGain:P0} in {PlateauSteps} passing steps: perfdhcp sends no more, the search stops"));
                    plateau = true;
                    break;
                }
            }
            else
            {
                // A first step already over the limit says nothing: search downwards (halving) until one passes.
                if (steps.TrueForAll(s => !s.WithinDropLimit) && steps.Count < MaxDownSteps && rate / 2 >= MinRate)
                {
                    rate /= 2;
                    continue;
                }

                break;
            }

            rate *= options.RateFactor;
        }

        await RefineAsync(server, steps).ConfigureAwait(false);
        return new RateSearchResult(server.Name, server.Description, steps) { SenderBound = plateau };
    }

    /// <summary>
    /// Narrows the maximum down once the search has a passing step below a failing one: each refinement runs the rate
    /// halfway between the highest passing and the lowest failing <c>-r</c>, and moves whichever bound it turns out to be.
    /// </summary>
    private async Task RefineAsync(IServerUnderTest server, List<RateStep> steps)
    {
        for (var refinement = 0; refinement < options.RefineSteps; refinement++)
        {
            var passed = steps.Where(s => s.WithinDropLimit).Select(s => s.OfferedRate).DefaultIfEmpty(0).Max();
            var failed = steps.Where(s => !s.WithinDropLimit && s.OfferedRate > passed).Select(s => s.OfferedRate).DefaultIfEmpty(0).Min();
            var middle = (passed + failed) / 2;
            if (passed == 0 || failed == 0 || middle <= passed || middle >= failed)
            {
                return;
            }

            steps.Add(await RunStepAsync(server, middle).ConfigureAwait(false));
        }
    }

    /// <summary>Runs one step (<see cref="BenchOptions.Repeat"/> runs at <paramref name="offered"/>) and logs its line.</summary>
    private async Task<RateStep> RunStepAsync(IServerUnderTest server, int offered)
    {
        var runs = new List<RateRun>();
        for (var repeat = 0; repeat < options.Repeat; repeat++)
        {
            runs.Add(await RunOnceAsync(server, offered, []).ConfigureAwait(false));
        }

        var result = new RateStep(offered, runs);
        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {server.Name,-22} -r {offered,6}: {result.MedianAchievedRate,8:F0} DORA/s (spread {result.AchievedRateSpread:F0}), REQUEST-ACK drops {result.MedianDropsPercent,6:F2}% [{string.Join(' ', runs.Select(r => r.RequestAckDropsPercent.ToString("F2", CultureInfo.InvariantCulture)))}], avg {result.MedianAverageDelayMs:F2} ms (DISCOVER-OFFER {result.MedianDiscoverOfferDelayMs:F2} ms), max {result.MedianMaxDelayMs:F1} ms, CPU {result.MedianCpuPer10k:F2} s/10k, full-buffer drops server {result.MedianServerSocketDrops:F0} perfdhcp {result.MedianLoadSocketDrops:F0}{(result.MedianEventsPerCommit is { } e ? string.Create(CultureInfo.InvariantCulture, $", {e:F1} events/commit, commit {result.MedianCommitMs:F2} ms of {result.MedianTransactionMs:F2} ms") : string.Empty)}{(result.MedianGcPauseMsPerSecond is { } gc ? string.Create(CultureInfo.InvariantCulture, $", GC pauses {gc:F0} ms/s") : string.Empty)}, load {result.LoadAverage:F2}"));
        return result;
    }

    /// <summary>Starts a fresh server, runs perfdhcp once at <paramref name="rate"/> and stops the server.</summary>
    public async Task<RateRun> RunOnceAsync(IServerUnderTest server, int rate, IReadOnlyList<string> extra)
    {
        ArgumentNullException.ThrowIfNull(server);
        var seconds = Math.Max(1, Math.Min(options.StepSeconds, MaxExchangesPerRun / rate));
        var running = await server.StartAsync(topology).ConfigureAwait(false);
        await using (running.ConfigureAwait(false))
        {
            if (options.WarmupSeconds > 0)
            {
                // Every server alike: JIT-compiled code (ours) and caches reach their steady state before the figure.
                await Perfdhcp.RunAsync(
                    topology.Load, BenchTopology.RelayAddress, BenchTopology.ServerAddress, Math.Min(rate, 1000), Clients, options.WarmupSeconds,
                    ["-b", "mac=00:0c:66:00:00:00"]).ConfigureAwait(false);
            }

            var serverDropsBefore = await SocketDropMeter.ReceiveBufferErrorsAsync(topology.Server).ConfigureAwait(false);
            var loadDropsBefore = await SocketDropMeter.ReceiveBufferErrorsAsync(topology.Load).ConfigureAwait(false);
            var cpuBefore = ProcessMeter.CpuSeconds(running.Pid);
            var report = await Perfdhcp.RunAsync(
                topology.Load, BenchTopology.RelayAddress, BenchTopology.ServerAddress, rate, Clients, seconds, extra).ConfigureAwait(false);
            var cpu = ProcessMeter.CpuSeconds(running.Pid) - cpuBefore;
            var socketDrops = new SocketDrops(
                await SocketDropMeter.ReceiveBufferErrorsAsync(topology.Server).ConfigureAwait(false) - serverDropsBefore,
                await SocketDropMeter.ReceiveBufferErrorsAsync(topology.Load).ConfigureAwait(false) - loadDropsBefore);
            var load = ProcessMeter.LoadAverage();
            var journal = await running.StopAsync().ConfigureAwait(false);
            if (report.RequestAck is null && report.DiscoverOffer is null)
            {
                throw new InvalidOperationException($"perfdhcp printed no statistics (exit {report.ExitCode}):\n{report.Output}");
            }

            return RateRun.From(rate, seconds, report, cpu, journal, load) with { SocketDrops = socketDrops, Runtime = running.Runtime };
        }
    }
}
