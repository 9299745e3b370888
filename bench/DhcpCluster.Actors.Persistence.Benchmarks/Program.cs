using System.Diagnostics;
using System.Globalization;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence;
using DhcpCluster.Actors.Persistence.Benchmarks;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Actors.Persistence.Serialization;
using Google.Protobuf.WellKnownTypes;

// Prints events/s of persistent actors (and of the journal alone) on SQLite and PostgreSQL with durable settings
// (SQLite WAL + synchronous=FULL, PostgreSQL synchronous_commit=on, fsync=on).
// Usage: dotnet run -c Release --project bench/DhcpCluster.Actors.Persistence.Benchmarks [-- sqlite|postgresql|both [scale]]
var engines = args.Length > 0 ? args[0] : "both";
var scale = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
Console.WriteLine($"{Environment.ProcessorCount} cores, load average before start: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"{"engine",-11} {"scenario",-44} {"events",9} {"seconds",8} {"events/s",10} {"commits",8} {"ev/commit",9} {"cpu us/ev",9}  durability");

if (engines is "sqlite" or "both")
{
    var directory = Path.Combine(Path.GetTempPath(), "dhcp-bench-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(directory);
    try
    {
        var file = 0;
        await RunAllAsync("sqlite", () => Options(StorageProvider.Sqlite, $"Data Source={Path.Combine(directory, "bench" + (++file).ToString(CultureInfo.InvariantCulture) + ".db")}"));
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

if (engines is "postgresql" or "both")
{
    await using var server = await PostgresForBenchmark.StartAsync();
    var database = 0;
    await RunAllAsync("postgresql", () =>
    {
        var name = "bench" + (++database).ToString(CultureInfo.InvariantCulture);
        using (var connection = new Npgsql.NpgsqlConnection(server.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE DATABASE " + name;
            command.ExecuteNonQuery();
        }

        return Options(StorageProvider.PostgreSql, server.ConnectionString.Replace("Database=postgres", "Database=" + name, StringComparison.Ordinal));
    });
    Npgsql.NpgsqlConnection.ClearAllPools();
}

return 0;

PersistenceStoreOptions Options(StorageProvider provider, string connectionString) => new()
{
    Provider = provider,
    ConnectionString = connectionString,
    Serializers = new SerializerRegistry().Register<Int64Value>(100, "i"),
    SqliteSynchronous = System.Enum.Parse<SqliteSynchronous>(Environment.GetEnvironmentVariable("BENCH_SQLITE_SYNCHRONOUS") ?? "Full"),
    BatchSize = int.Parse(Environment.GetEnvironmentVariable("BENCH_BATCH_SIZE") ?? "1000", CultureInfo.InvariantCulture),
};

async Task RunAllAsync(string engine, Func<PersistenceStoreOptions> fresh)
{
    int Scaled(int n) => Math.Max(1, (int)(n * scale));
    await ActorsAsync(engine, fresh(), "1 actor, Persist one at a time", actors: 1, eventsEach: Scaled(2_000), batch: 1);
    await ActorsAsync(engine, fresh(), "1,000 actors, Persist one at a time", actors: 1_000, eventsEach: Scaled(50), batch: 1);
    await ActorsAsync(engine, fresh(), "10,000 actors, Persist one at a time", actors: 10_000, eventsEach: Scaled(10), batch: 1);
    await ActorsAsync(engine, fresh(), "1 actor, PersistAll batches of 100", actors: 1, eventsEach: Scaled(100_000), batch: 100);
    await ActorsAsync(engine, fresh(), "100 actors, PersistAll batches of 100", actors: 100, eventsEach: Scaled(2_000), batch: 100);
    await JournalAsync(engine, fresh(), "journal alone, 10,000 concurrent writers", writers: 10_000, eventsEach: Scaled(10));
}

async Task ActorsAsync(string engine, PersistenceStoreOptions options, string scenario, int actors, int eventsEach, int batch)
{
    await using var store = await PersistenceStore.StartAsync(options);
    await using var system = ActorSystem.Create("bench");
    PersistenceExtension.Get(system).Use(store);
    var recovered = new Countdown(actors);
    var finished = new Countdown(actors);
    var recovery = Stopwatch.StartNew();
    var refs = new IActorRef[actors];
    for (var i = 0; i < actors; i++)
    {
        var pid = "bench-" + i.ToString(CultureInfo.InvariantCulture);
        refs[i] = system.ActorOf(Props.Create(() => new BenchmarkActor(pid, recovered, finished)));
    }

    await recovered.Done;
    recovery.Stop();
    var cpu = Environment.CpuUsage.TotalTime;
    var start = Stopwatch.StartNew();
    var before = store.GetStatistics();
    foreach (var actor in refs)
    {
        actor.Tell(new BenchmarkProtocol.Run(eventsEach, batch), null);
    }

    await finished.Done;
    start.Stop();
    Report(engine, scenario, (long)actors * eventsEach, start.Elapsed, Environment.CpuUsage.TotalTime - cpu, before, store.GetStatistics());
    if (actors >= 1_000)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine,-11} {"  (their recovery, empty journal: " + actors + " actors",-44} {"",9} {recovery.Elapsed.TotalSeconds,8:F2} {actors / recovery.Elapsed.TotalSeconds,10:F0} actors/s)"));
    }
}

async Task JournalAsync(string engine, PersistenceStoreOptions options, string scenario, int writers, int eventsEach)
{
    await using var store = await PersistenceStore.StartAsync(options);
    var payload = new Int64Value { Value = 1 };
    var before = store.GetStatistics();
    var cpu = Environment.CpuUsage.TotalTime;
    var start = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
    {
        var pid = "journal-" + w.ToString(CultureInfo.InvariantCulture);
        for (var seq = 1; seq <= eventsEach; seq++)
        {
            await store.Journal.WriteAsync(new AtomicWrite(pid, seq, payload));
        }
    }));
    start.Stop();
    Report(engine, scenario, (long)writers * eventsEach, start.Elapsed, Environment.CpuUsage.TotalTime - cpu, before, store.GetStatistics());
}

static void Report(string engine, string scenario, long events, TimeSpan elapsed, TimeSpan cpu, JournalStatistics before, JournalStatistics after)
{
    var commits = after.Commits - before.Commits;
    var written = after.EventsWritten - before.EventsWritten;
    var durable = after.SynchronousCommits - before.SynchronousCommits == commits;
    if (written != events)
    {
        throw new InvalidOperationException($"{scenario}: expected {events} durable events, the journal counted {written} in {commits} commits ({after.SynchronousCommits - before.SynchronousCommits} synchronous).");
    }

    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{engine,-11} {scenario,-44} {events,9} {elapsed.TotalSeconds,8:F2} {events / elapsed.TotalSeconds,10:F0} {commits,8} {(double)written / commits,9:F1} {cpu.TotalMicroseconds / events,9:F1}  {after.Durability}{(durable ? string.Empty : "  NOT DURABLE (diagnostic run)")}"));
}
