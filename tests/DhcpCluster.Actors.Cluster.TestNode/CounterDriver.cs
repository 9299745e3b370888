using System.Diagnostics;
using System.Globalization;

namespace DhcpCluster.Actors.Cluster.TestNode;

/// <summary>
/// Sends <c>count</c> increments (request ids r0..rN, spread over <c>entities</c> counters) through the local
/// region, at most <c>window</c> at a time, each retried until acknowledged; prints progress and
/// <c>DRIVE_DONE acked=N failures=F seconds=S</c> (failures: attempts that timed out or failed and were retried).
/// </summary>
public static class CounterDriver
{
    public static async Task RunAsync(IActorRef region, int count, int entities, int window)
    {
        var acked = 0;
        var failures = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        using var progress = new Timer(_ => Output.Line($"DRIVE_PROGRESS acked={Volatile.Read(ref acked)} failures={Volatile.Read(ref failures)}"), null, 1000, 1000);
        var workers = Enumerable.Range(0, window).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var request = string.Create(CultureInfo.InvariantCulture, $"inc|c{i % entities}|r{i}");
                while (true)
                {
                    try
                    {
                        var answer = await region.Ask<string>(request, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                        if (answer.StartsWith("ack|", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref acked);
                            break;
                        }
                    }
                    catch (Exception e) when (e is AskTimeoutException or InvalidOperationException or Remote.Serialization.RemoteFailureException)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(100).ConfigureAwait(false);
                    }
                }
            }
        }).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        Output.Line($"DRIVE_DONE acked={acked} failures={failures} seconds={watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}");
    }
}
