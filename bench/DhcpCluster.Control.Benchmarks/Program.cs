using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using DhcpCluster.Control.Configuration;
using DhcpCluster.Control.Endpoint;
using DhcpCluster.Control.Status;
using DhcpCluster.Hocon;
using DhcpCluster.Logging;
using DhcpCluster.Logging.Configuration;
using DhcpCluster.Statistics;
using Microsoft.Extensions.Logging;

// Prints the cost of the operator surface on the paths that matter: a statistic update on the packet path, a
// command round trip, a log line written to a rotated file. Plain stopwatch loops; run in Release:
//   dotnet run -c Release --project bench/DhcpCluster.Control.Benchmarks
var statistics = new StatisticsRegistry();
var counter = statistics.GetOrAdd(StatisticNames.Pkt4Received);
const int Increments = 50_000_000;
Measure("Statistic.Increment, 1 thread", Increments, () =>
{
    for (var i = 0; i < Increments; i++)
    {
        counter.Increment();
    }
});
Measure("Statistic.Increment, 2 threads on one counter", Increments, () =>
    Parallel.For(0, 2, _ =>
    {
        for (var i = 0; i < Increments / 2; i++)
        {
            counter.Increment();
        }
    }));

var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (var i = 0; i < 1_000_000; i++)
{
    counter.Increment();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Statistic.Increment allocations: {GC.GetAllocatedBytesForCurrentThread() - allocatedBefore} bytes per 1,000,000"));

var configuration = new RunningConfiguration(ConfigFactory.ParseString("dhcp-cluster.cmd.port = 0"), null, static _ => []);
var registry = NodeCommandEndpoint.CreateRegistry(configuration, statistics, new NodeProcessStatus(), null, null);
var config = configuration.Current.WithFallback(ConfigFactory.ReferenceConfig(typeof(ControlEndpoint).Assembly));
var endpoint = await NodeCommandEndpoint.StartAsync(config, registry, null).ConfigureAwait(false);
try
{
    using var http = new HttpClient();
    var uri = new Uri($"http://{endpoint.LocalEndPoint}/");
    const int Requests = 3_000;
    for (var i = 0; i < 200; i++)
    {
        await PostAsync(http, uri).ConfigureAwait(false);
    }

    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < Requests; i++)
    {
        await PostAsync(http, uri).ConfigureAwait(false);
    }

    stopwatch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"statistic-get-all round trip, sequential: {Requests / stopwatch.Elapsed.TotalSeconds:N0} commands/s ({stopwatch.Elapsed.TotalMicroseconds / Requests:N0} us each, {statistics.Snapshot().Count} statistics)"));
}
finally
{
    await endpoint.DisposeAsync().ConfigureAwait(false);
}

var directory = Directory.CreateTempSubdirectory("kea-log-bench-").FullName;
try
{
    using var provider = new KeaLoggerProvider(
        [new KeaLoggerSpecification("kea-dhcp4", KeaSeverity.Info, 0, [new KeaOutputOptions(Path.Combine(directory, "kea.log"), MaxSize: 10_240_000, MaxVersions: 2, Flush: false)])]);
    var logger = provider.CreateLogger("DhcpCluster.Server.Packets");
    const int Lines = 500_000;
    Measure("log line to a rotated file (default pattern, no flush)", Lines, () =>
    {
        for (var i = 0; i < Lines; i++)
        {
            logger.Log(LogLevel.Information, new EventId(1, "DHCP4_PACKET_RECEIVED"), i, null, static (n, _) => "[hwtype=1 08:00:2b:01:02:03], tid=0x1234: DHCPDISCOVER received");
        }
    });
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static void Measure(string what, long operations, Action run)
{
    run();
    var stopwatch = Stopwatch.StartNew();
    run();
    stopwatch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {stopwatch.Elapsed.TotalNanoseconds / operations:N1} ns/op ({operations / stopwatch.Elapsed.TotalSeconds:N0} op/s)"));
}

static async Task PostAsync(HttpClient http, Uri uri)
{
    using var content = new StringContent("""{"command": "statistic-get-all", "service": ["dhcp4"]}""", Encoding.UTF8, "application/json");
    using var response = await http.PostAsync(uri, content).ConfigureAwait(false);
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"endpoint answered {response.StatusCode}");
    }

    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
}
