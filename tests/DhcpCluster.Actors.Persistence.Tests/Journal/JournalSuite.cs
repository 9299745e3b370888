using System.Data.Common;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Schema;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Snapshots;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.Journal;

/// <summary>The journal contract, run against every engine (SQLite and PostgreSQL subclasses).</summary>
public abstract class JournalSuite : IAsyncLifetime
{
    private readonly List<PersistenceStore> _stores = [];

    protected static ReadModelTable LeaseTable { get; } = new(
        "lease_by_address",
        [
            new ReadModelColumn("address", ReadModelColumnType.Text),
            new ReadModelColumn("client_id", ReadModelColumnType.Text),
            new ReadModelColumn("expires", ReadModelColumnType.Integer),
        ],
        ["address"],
        uniqueIndexes: [["client_id"]]);

    /// <summary>Options for a fresh, empty database of the engine under test.</summary>
    protected abstract Task<PersistenceStoreOptions> CreateOptionsAsync();

    /// <summary>Opens a plain ADO.NET connection to the database of <paramref name="options"/>.</summary>
    protected abstract Task<DbConnection> OpenRawAsync(PersistenceStoreOptions options);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    internal static SerializerRegistry NewRegistryForChild() => NewRegistry();

    protected static SerializerRegistry NewRegistry() =>
        new SerializerRegistry().Register<StringValue>(100, "s").Register<Int64Value>(100, "i");

    protected static StringValue S(string value) => new() { Value = value };

    protected async Task<PersistenceStore> StartAsync(PersistenceStoreOptions options)
    {
        var store = await PersistenceStore.StartAsync(options);
        _stores.Add(store);
        return store;
    }

    protected async Task<(PersistenceStore Store, PersistenceStoreOptions Options)> StartFreshAsync(Func<PersistenceStoreOptions, PersistenceStoreOptions>? adjust = null)
    {
        var options = await CreateOptionsAsync();
        options = adjust?.Invoke(options) ?? options;
        return (await StartAsync(options), options);
    }

    protected static async Task<IReadOnlyList<PersistedEvent>> ReplayAllAsync(IEventJournal journal, string pid, long from = 1)
    {
        var events = new List<PersistedEvent>();
        await foreach (var e in journal.ReplayAsync(pid, from, long.MaxValue, long.MaxValue))
        {
            events.Add(e);
        }

        return events;
    }

    protected static async Task<IReadOnlyList<T>> CollectAsync<T>(IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task Events_replay_in_sequence_order_with_their_metadata()
    {
        var (store, _) = await StartFreshAsync();
        for (var seq = 1; seq <= 5; seq++)
        {
            await store.Journal.WriteAsync(new AtomicWrite("client-1", seq, S("e" + seq), ["lease"]));
        }

        await store.Journal.WriteAsync(new AtomicWrite("client-2", 1, new Int64Value { Value = 42 }));
        var events = await ReplayAllAsync(store.Journal, "client-1");
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], events.Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.SequenceNr));
        Assert.All(events, e => Assert.Equal(store.WriterId, e.WriterId));
        Assert.All(events, e => Assert.Equal(["lease"], e.Tags));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Ordering < p.Second.Ordering));
        Assert.Equal(5, await store.Journal.ReadHighestSequenceNrAsync("client-1"));
        Assert.Equal(0, await store.Journal.ReadHighestSequenceNrAsync("nobody"));
        var tail = await ReplayAllAsync(store.Journal, "client-1", from: 4);
        Assert.Equal([4L, 5], tail.Select(e => e.SequenceNr));
        var limited = new List<long>();
        await foreach (var e in store.Journal.ReplayAsync("client-1", 1, 4, max: 2))
        {
            limited.Add(e.SequenceNr);
        }

        Assert.Equal([1L, 2], limited);
        var other = Assert.Single(await ReplayAllAsync(store.Journal, "client-2"));
        Assert.Equal(42, ((Int64Value)other.Event).Value);
    }

    [Fact]
    public async Task PersistAll_is_atomic_when_one_of_its_sequence_numbers_is_taken()
    {
        var (store, _) = await StartFreshAsync();
        await store.Journal.WriteAsync(new AtomicWrite("p", [new(1, S("a")), new(2, S("b")), new(3, S("c"))]));
        var rejected = await Assert.ThrowsAsync<JournalWriteRejectedException>(() =>
            store.Journal.WriteAsync(new AtomicWrite("p", [new(3, S("x")), new(4, S("y")), new(5, S("z"))])));
        Assert.Equal("p", rejected.PersistenceId);
        Assert.True(rejected.IsDuplicateSequenceNr);
        Assert.Equal(3, rejected.FromSequenceNr);
        Assert.Equal(5, rejected.ToSequenceNr);
        var events = await ReplayAllAsync(store.Journal, "p");
        Assert.Equal(["a", "b", "c"], events.Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
        Assert.Equal(3, await store.Journal.ReadHighestSequenceNrAsync("p"));
        Assert.Equal(1, store.GetStatistics().WritesRejected);
    }

    [Fact]
    public async Task A_snapshot_plus_the_tail_of_events_recovers_the_state()
    {
        var (store, _) = await StartFreshAsync();
        for (var seq = 1; seq <= 10; seq++)
        {
            await store.Journal.WriteAsync(new AtomicWrite("pool-1", seq, S("e" + seq)));
        }

        var taken = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await store.Snapshots.SaveAsync(new SnapshotMetadata("pool-1", 3, taken), S("state@3"));
        await store.Snapshots.SaveAsync(new SnapshotMetadata("pool-1", 6, taken), S("state@6"));
        var latest = await store.Snapshots.LoadAsync("pool-1", SnapshotSelectionCriteria.Latest);
        Assert.NotNull(latest);
        Assert.Equal(6, latest.Metadata.SequenceNr);
        Assert.Equal(taken, latest.Metadata.Timestamp);
        Assert.Equal("state@6", ((StringValue)latest.Snapshot).Value);
        var tail = await ReplayAllAsync(store.Journal, "pool-1", from: latest.Metadata.SequenceNr + 1);
        Assert.Equal(["e7", "e8", "e9", "e10"], tail.Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
        var older = await store.Snapshots.LoadAsync("pool-1", SnapshotSelectionCriteria.UpTo(5));
        Assert.Equal(3, older!.Metadata.SequenceNr);
        Assert.Null(await store.Snapshots.LoadAsync("pool-1", SnapshotSelectionCriteria.UpTo(2)));
        Assert.Null(await store.Snapshots.LoadAsync("pool-1", SnapshotSelectionCriteria.None));
        await store.Snapshots.DeleteAsync("pool-1", 6);
        Assert.Equal(3, (await store.Snapshots.LoadAsync("pool-1", SnapshotSelectionCriteria.Latest))!.Metadata.SequenceNr);
        await store.Snapshots.DeleteAsync("pool-1", SnapshotSelectionCriteria.Latest);
        Assert.Null(await store.Snapshots.LoadAsync("pool-1", SnapshotSelectionCriteria.Latest));
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed_and_the_highest_sequence_number_stays()
    {
        var (store, _) = await StartFreshAsync();
        for (var seq = 1; seq <= 5; seq++)
        {
            await store.Journal.WriteAsync(new AtomicWrite("d", seq, S("e" + seq), ["t"]));
        }

        await store.Journal.DeleteMessagesToAsync("d", 3);
        Assert.Equal([4L, 5], (await ReplayAllAsync(store.Journal, "d")).Select(e => e.SequenceNr));
        Assert.Equal(5, await store.Journal.ReadHighestSequenceNrAsync("d"));
        Assert.Equal([4L, 5], (await CollectAsync(store.Queries.CurrentEventsByTag("t"))).Select(e => e.SequenceNr));
        await store.Journal.DeleteMessagesToAsync("d", 5);
        Assert.Empty(await ReplayAllAsync(store.Journal, "d"));
        Assert.Equal(5, await store.Journal.ReadHighestSequenceNrAsync("d"));
        await Assert.ThrowsAsync<JournalWriteRejectedException>(() => store.Journal.WriteAsync(new AtomicWrite("d", 5, S("again"))));
        await store.Journal.WriteAsync(new AtomicWrite("d", 6, S("e6")));
        Assert.Equal([6L], (await ReplayAllAsync(store.Journal, "d")).Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Concurrent_writers_to_different_ids_are_group_committed_durably()
    {
        var (store, _) = await StartFreshAsync();
        const int writers = 200;
        const int eventsEach = 10;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            for (var seq = 1; seq <= eventsEach; seq++)
            {
                await store.Journal.WriteAsync(new AtomicWrite("w-" + w, seq, S(w + ":" + seq)));
            }
        }));

        for (var w = 0; w < writers; w += 37)
        {
            var events = await ReplayAllAsync(store.Journal, "w-" + w);
            Assert.Equal(Enumerable.Range(1, eventsEach).Select(i => w + ":" + i), events.Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
        }

        Assert.Equal(writers, (await CollectAsync(store.Queries.CurrentPersistenceIds())).Count);
        var stats = store.GetStatistics();
        Assert.Equal(writers * eventsEach, stats.EventsWritten);
        Assert.Equal(writers * eventsEach, stats.WritesAccepted);
        Assert.Equal(stats.Commits, stats.SynchronousCommits);
        Assert.True(stats.Commits < writers * eventsEach / 2, $"expected batching: {stats.Commits} commits for {writers * eventsEach} writes");
        Assert.True(stats.EventsPerCommit > 2, $"events per commit {stats.EventsPerCommit}");
        Assert.True(stats.CommitSeconds > 0, $"COMMIT time {stats.CommitSeconds} s");
        Assert.True(stats.TransactionSeconds >= stats.CommitSeconds, $"transactions {stats.TransactionSeconds} s, their COMMITs {stats.CommitSeconds} s");
        Assert.InRange(stats.AverageCommitMilliseconds, double.Epsilon, stats.AverageTransactionMilliseconds);
        AssertDurable(stats.Durability);
    }

    /// <summary>Asserts that the durability reported by the engine is the power-loss-safe one.</summary>
    protected abstract void AssertDurable(string durability);

    [Fact]
    public async Task A_second_live_writer_of_the_same_persistence_id_is_rejected()
    {
        var options = await CreateOptionsAsync();
        var first = await StartAsync(options);
        var second = await StartAsync(options with { Serializers = NewRegistry() });
        await first.Journal.WriteAsync(new AtomicWrite("client-9", 1, S("A1")));
        var seenBySecond = await second.Journal.ReadHighestSequenceNrAsync("client-9");
        await first.Journal.WriteAsync(new AtomicWrite("client-9", 2, S("A2")));
        var rejected = await Assert.ThrowsAsync<JournalWriteRejectedException>(() =>
            second.Journal.WriteAsync(new AtomicWrite("client-9", seenBySecond + 1, S("B2 from a stale owner"))));
        Assert.Contains("client-9", rejected.Message, StringComparison.Ordinal);
        var events = await ReplayAllAsync(first.Journal, "client-9");
        Assert.Equal(["A1", "A2"], events.Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_group_of_writes_commits_in_order_and_a_rejection_rejects_the_rest_of_the_group()
    {
        var (store, _) = await StartFreshAsync();
        await store.Journal.WriteAsync(new AtomicWrite("g", 1, S("one")));
        var ok = await store.Journal.WriteMessagesAsync([new AtomicWrite("g", 2, S("two")), new AtomicWrite("g", [new(3, S("three")), new(4, S("four"))])]);
        Assert.All(ok, Assert.Null);
        var results = await store.Journal.WriteMessagesAsync(
        [
            new AtomicWrite("g", 5, S("five")),
            new AtomicWrite("g", 4, S("stale four")),
            new AtomicWrite("g", 6, S("six")),
        ]);
        Assert.Null(results[0]);
        Assert.True(Assert.IsType<JournalWriteRejectedException>(results[1]).IsDuplicateSequenceNr);
        Assert.False(Assert.IsType<JournalWriteRejectedException>(results[2]).IsDuplicateSequenceNr);
        Assert.Equal(["one", "two", "three", "four", "five"], (await ReplayAllAsync(store.Journal, "g")).Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_in_a_batch_rejects_only_that_write()
    {
        var (store, _) = await StartFreshAsync(o => o with { MaxBatchLinger = TimeSpan.FromMilliseconds(50), BatchSize = 1000 });
        var writes = new List<Task>();
        for (var i = 0; i < 40; i++)
        {
            writes.Add(store.Journal.WriteAsync(new AtomicWrite("other-" + i, 1, S("ok"))));
        }

        var a = store.Journal.WriteAsync(new AtomicWrite("dup", 1, S("first")));
        var b = store.Journal.WriteAsync(new AtomicWrite("dup", 1, S("second")));
        await Task.WhenAll(writes);
        var outcomes = await Task.WhenAll(Outcome(a), Outcome(b));
        Assert.Single(outcomes, o => o is null);
        Assert.IsType<JournalWriteRejectedException>(Assert.Single(outcomes, o => o is not null));
        var stored = Assert.Single(await ReplayAllAsync(store.Journal, "dup"));
        Assert.Equal(a.IsCompletedSuccessfully ? "first" : "second", ((StringValue)stored.Event).Value);
        Assert.True(store.GetStatistics().BatchRetries >= 1);
        Assert.Equal(41, store.GetStatistics().WritesAccepted);

        static async Task<Exception?> Outcome(Task task)
        {
            try
            {
                await task;
                return null;
            }
            catch (JournalWriteRejectedException ex)
            {
                return ex;
            }
        }
    }

    [Fact]
    public async Task Current_queries_by_tag_and_ordering_see_committed_events_in_ordering()
    {
        var (store, _) = await StartFreshAsync();
        await store.Journal.WriteAsync(new AtomicWrite("a", 1, S("a1"), ["subnet-1", "alloc"]));
        await store.Journal.WriteAsync(new AtomicWrite("b", 1, S("b1"), ["subnet-2"]));
        await store.Journal.WriteAsync(new AtomicWrite("a", [new(2, S("a2"), ["subnet-1"]), new(3, S("a3"))]));
        var bySubnet1 = await CollectAsync(store.Queries.CurrentEventsByTag("subnet-1"));
        Assert.Equal(["a1", "a2"], bySubnet1.Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
        Assert.Equal(["subnet-1", "alloc"], bySubnet1[0].Tags);
        var afterFirst = await CollectAsync(store.Queries.CurrentEventsByTag("subnet-1", bySubnet1[0].Ordering));
        Assert.Equal(["a2"], afterFirst.Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
        Assert.Empty(await CollectAsync(store.Queries.CurrentEventsByTag("nope")));
        var all = await CollectAsync(store.Queries.CurrentAllEvents());
        Assert.Equal(["a1", "b1", "a2", "a3"], all.Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
        Assert.Equal(["b1", "a2", "a3"], (await CollectAsync(store.Queries.CurrentAllEvents(all[0].Ordering))).Select(e => ((StringValue)e.Event).Value), StringComparer.Ordinal);
        Assert.Equal(["a", "b"], await CollectAsync(store.Queries.CurrentPersistenceIds()));
    }

    [Fact]
    public async Task Live_queries_deliver_events_written_after_they_started()
    {
        var (store, _) = await StartFreshAsync();
        await store.Journal.WriteAsync(new AtomicWrite("x", 1, S("before"), ["feed"]));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var byTag = CollectUntilAsync(store.Queries.EventsByTag("feed", 0, cts.Token), 4);
        var all = CollectUntilAsync(store.Queries.AllEvents(0, cts.Token), 5);
        await Task.Delay(200);
        await store.Journal.WriteAsync(new AtomicWrite("x", 2, S("after-1"), ["feed"]));
        await store.Journal.WriteAsync(new AtomicWrite("y", 1, S("untagged")));
        await Task.WhenAll(Enumerable.Range(3, 2).Select(i => store.Journal.WriteAsync(new AtomicWrite("x" + i, 1, S("after-" + (i - 1)), ["feed"]))));
        var tagged = await byTag;
        Assert.Equal("before", ((StringValue)tagged[0].Event).Value);
        Assert.Equal("after-1", ((StringValue)tagged[1].Event).Value);
        Assert.Equal(["after-2", "after-3"], tagged.Skip(2).Select(e => ((StringValue)e.Event).Value).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.True(tagged.Zip(tagged.Skip(1)).All(p => p.First.Ordering < p.Second.Ordering));
        var everything = await all;
        Assert.Equal(5, everything.Select(e => e.Ordering).Distinct().Count());
        Assert.Contains(everything, e => string.Equals(((StringValue)e.Event).Value, "untagged", StringComparison.Ordinal));
    }

    private static async Task<List<PersistedEvent>> CollectUntilAsync(IAsyncEnumerable<PersistedEvent> source, int count)
    {
        var items = new List<PersistedEvent>();
        await foreach (var item in source)
        {
            items.Add(item);
            if (items.Count == count)
            {
                break;
            }
        }

        return items;
    }

    [Fact]
    public async Task Read_model_rows_commit_with_their_events_and_a_unique_conflict_refuses_the_write()
    {
        var (store, options) = await StartFreshAsync(o => o with { ReadModelTables = [LeaseTable] });
        await store.Journal.WriteAsync(new AtomicWrite(
            "client-a", 1, S("leased 192.0.2.10"), readModelChanges: [ReadModelChange.Upsert("lease_by_address", "192.0.2.10", "aa", 1000L)]));
        await store.Journal.WriteAsync(new AtomicWrite(
            "client-a", 2, S("renewed"), readModelChanges: [ReadModelChange.Upsert("lease_by_address", "192.0.2.10", "aa", 2000L)]));
        var conflict = await Assert.ThrowsAsync<JournalWriteRejectedException>(() => store.Journal.WriteAsync(new AtomicWrite(
            "client-b", 1, S("leased 192.0.2.11 to aa again"), readModelChanges: [ReadModelChange.Upsert("lease_by_address", "192.0.2.11", "aa", 3000L)])));
        Assert.Equal("client-b", conflict.PersistenceId);
        Assert.False(conflict.IsDuplicateSequenceNr);
        Assert.Equal(0, await store.Journal.ReadHighestSequenceNrAsync("client-b"));
        Assert.Equal([("192.0.2.10", "aa", 2000L)], await ReadLeasesAsync(options));
        await store.Journal.WriteAsync(new AtomicWrite(
            "client-a", 3, S("released"), readModelChanges: [ReadModelChange.Delete("lease_by_address", "192.0.2.10")]));
        Assert.Empty(await ReadLeasesAsync(options));
        Assert.Throws<ArgumentException>(() => { _ = store.Journal.WriteAsync(new AtomicWrite(
            "client-a", 4, S("bad"), readModelChanges: [ReadModelChange.Upsert("lease_by_address", "192.0.2.10", 5L, 1L)])); });
        Assert.Throws<ArgumentException>(() => { _ = store.Journal.WriteAsync(new AtomicWrite(
            "client-a", 4, S("bad"), readModelChanges: [ReadModelChange.Upsert("no_such_table", "x")])); });
    }

    private async Task<List<(string, string, long)>> ReadLeasesAsync(PersistenceStoreOptions options)
    {
        await using var connection = await OpenRawAsync(options);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT address, client_id, expires FROM lease_by_address ORDER BY address";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }

    [Fact]
    public async Task An_unknown_manifest_at_recovery_names_the_persistence_id_and_sequence_number()
    {
        var (store, options) = await StartFreshAsync();
        await store.Journal.WriteAsync(new AtomicWrite("client-7", 1, S("known")));
        await store.Journal.WriteAsync(new AtomicWrite("client-7", 2, new Int64Value { Value = 1 }));
        var narrower = await StartAsync(options with { Serializers = new SerializerRegistry().Register<StringValue>(100, "s") });
        var error = await Assert.ThrowsAsync<UnknownManifestException>(() => ReplayAllAsync(narrower.Journal, "client-7"));
        Assert.Equal("client-7", error.PersistenceId);
        Assert.Equal(2, error.SequenceNr);
        Assert.Contains("'client-7'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sequence number 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("manifest 'i'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_refuses_an_older_schema_naming_the_upgrade_command_and_upgrade_keeps_the_data()
    {
        var options = await CreateOptionsAsync();
        await using (var manager = new SchemaManager(options))
        {
            Assert.Null((await manager.GetVersionAsync()).Installed);
            await manager.InitializeAsync(version: 1);
            Assert.Equal(new SchemaVersionInfo(1, SchemaManager.CurrentVersion), await manager.GetVersionAsync());
        }

        await using (var connection = await OpenRawAsync(options))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO journal (persistence_id, sequence_number, manifest, serializer_id, payload, timestamp, writer_uuid, tags) VALUES ('old', 1, 's', 100, @payload, 0, '00000000-0000-0000-0000-000000000001', 'subnet-1;alloc')";
            var payload = insert.CreateParameter();
            payload.ParameterName = "@payload";
            payload.Value = Google.Protobuf.MessageExtensions.ToByteArray(S("from v1"));
            insert.Parameters.Add(payload);
            await insert.ExecuteNonQueryAsync();
        }

        var refusal = await Assert.ThrowsAsync<SchemaVersionException>(() => PersistenceStore.StartAsync(options));
        Assert.Contains("dhcp-node db upgrade", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, refusal.InstalledVersion);
        await using (var manager = new SchemaManager(options))
        {
            Assert.Equal(1, await manager.UpgradeAsync());
            Assert.True((await manager.GetVersionAsync()).IsCurrent);
            Assert.Equal(SchemaManager.CurrentVersion, await manager.UpgradeAsync());
            await Assert.ThrowsAsync<SchemaVersionException>(() => manager.InitializeAsync());
        }

        var store = await StartAsync(options);
        var old = Assert.Single(await CollectAsync(store.Queries.CurrentEventsByTag("alloc")));
        Assert.Equal("from v1", ((StringValue)old.Event).Value);
        Assert.Single(await CollectAsync(store.Queries.CurrentEventsByTag("subnet-1")));
    }

    [Fact]
    public async Task Without_auto_initialize_an_empty_database_is_refused_naming_the_init_command()
    {
        var options = (await CreateOptionsAsync()) with { AutoInitialize = false };
        var refusal = await Assert.ThrowsAsync<SchemaVersionException>(() => PersistenceStore.StartAsync(options));
        Assert.Contains("dhcp-node db init", refusal.Message, StringComparison.Ordinal);
        await using (var manager = new SchemaManager(options))
        {
            await manager.InitializeAsync();
        }

        var store = await StartAsync(options);
        await store.Journal.WriteAsync(new AtomicWrite("p", 1, S("ok")));
    }

    [Fact]
    public async Task Acknowledged_writes_survive_a_kill_9_mid_batch_and_no_write_is_half_stored()
    {
        var options = await CreateOptionsAsync();
        await (await StartAsync(options)).DisposeAsync();
        var acknowledged = await JournalWriterProcess.RunAndKillAsync(options, writers: 50, killAfterAcks: 1500);
        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} writers acknowledged anything");
        var store = await StartAsync(options with { Serializers = NewRegistry() });
        foreach (var (pid, lastAcked) in acknowledged)
        {
            var events = await ReplayAllAsync(store.Journal, pid);
            Assert.True(events.Count >= lastAcked, $"{pid}: acknowledged up to {lastAcked}, found {events.Count}");
            Assert.True(events.Count % JournalWriterProcess.EventsPerWrite == 0, $"{pid}: {events.Count} events is not a whole number of atomic writes");
            for (var i = 0; i < events.Count; i++)
            {
                Assert.Equal(i + 1, events[i].SequenceNr);
                Assert.Equal(JournalWriterProcess.Payload(pid, i + 1), ((StringValue)events[i].Event).Value);
            }
        }
    }
}
