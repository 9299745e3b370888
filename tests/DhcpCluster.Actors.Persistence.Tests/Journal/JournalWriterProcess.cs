using System.Diagnostics;
using System.Globalization;
using DhcpCluster.Actors.Persistence.Journal;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.Journal;

/// <summary>
/// The child process of the kill -9 test: this test assembly run as a program (<c>dotnet DhcpCluster.Actors.Persistence.Tests.dll journal-writer ...</c>)
/// writes atomic pairs of events from many concurrent writers and prints <c>ACK pid seq</c> for every acknowledged write.
/// </summary>
public static class JournalWriterProcess
{
    public const string Mode = "journal-writer";
    public const int EventsPerWrite = 2;

    public static string Payload(string pid, long seq) => pid + "#" + seq.ToString(CultureInfo.InvariantCulture);

    /// <summary>Child side: writes until killed (or 120 s pass).</summary>
    public static async Task<int> RunAsync(string provider, string connectionString, int writers)
    {
        var options = new PersistenceStoreOptions
        {
            Provider = System.Enum.Parse<StorageProvider>(provider),
            ConnectionString = connectionString,
            Serializers = JournalSuite.NewRegistryForChild(),
            BatchSize = 50,
        };
        var store = await PersistenceStore.StartAsync(options);
        var output = Console.Out;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var pid = "killed-" + w.ToString(CultureInfo.InvariantCulture);
            for (long seq = 1; deadline.Elapsed < TimeSpan.FromSeconds(120); seq += EventsPerWrite)
            {
                var events = Enumerable.Range(0, EventsPerWrite)
                    .Select(i => new EventToWrite(seq + i, new StringValue { Value = Payload(pid, seq + i) }, ["killed"]))
                    .ToArray();
                await store.Journal.WriteAsync(new AtomicWrite(pid, events));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACK {pid} {seq + EventsPerWrite - 1}"));
            }
        })));
        return 0;
    }

    /// <summary>Parent side: starts the child, lets it write until <paramref name="killAfterAcks"/> acknowledgements, kills it with SIGKILL, and returns the last acknowledged sequence number per persistence id.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RunAndKillAsync(PersistenceStoreOptions options, int writers, int killAfterAcks)
    {
        var assembly = typeof(JournalWriterProcess).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { assembly, Mode, options.Provider.ToString(), options.ConnectionString, writers.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        var acknowledged = new Dictionary<string, long>(StringComparer.Ordinal);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the writer process");
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var acks = 0;
            while (acks < killAfterAcks)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("writer process ended early: " + await errors);
                var parts = line.Split(' ');
                if (parts is ["ACK", var pid, var seq])
                {
                    acknowledged[pid] = long.Parse(seq, CultureInfo.InvariantCulture);
                    acks++;
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // Lines already printed before the kill are acknowledgements too.
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Split(' ') is ["ACK", var pid, var seq])
            {
                acknowledged[pid] = Math.Max(acknowledged.GetValueOrDefault(pid), long.Parse(seq, CultureInfo.InvariantCulture));
            }
        }

        return acknowledged;
    }
}
