using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Testing;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.PersistentActors;

/// <summary>ReceivePersistentActor semantics, run against every engine.</summary>
public abstract class PersistentActorSuite : TestKit, IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _cleanup = [];

    protected static ReadModelTable LeaseTable { get; } = new(
        "lease_by_address",
        [new ReadModelColumn("address", ReadModelColumnType.Text), new ReadModelColumn("client_id", ReadModelColumnType.Text), new ReadModelColumn("expires", ReadModelColumnType.Integer)],
        ["address"],
        uniqueIndexes: [["client_id"]]);

    protected abstract Task<PersistenceStoreOptions> CreateOptionsAsync();

    protected static SerializerRegistry NewRegistry() =>
        new SerializerRegistry().Register<StringValue>(100, "s").Register<Int64Value>(100, "i");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }
    }

    private async Task<PersistenceStore> StartAsync(PersistenceStoreOptions options)
    {
        var store = await PersistenceStore.StartAsync(options);
        _cleanup.Add(store);
        PersistenceExtension.Get(Sys).Use(store);
        return store;
    }

    private async Task<PersistenceStore> StartFreshAsync(bool readModels = false)
    {
        var options = await CreateOptionsAsync();
        if (readModels)
        {
            options = options with { ReadModelTables = [LeaseTable] };
        }

        return await StartAsync(options);
    }

    private IActorRef Lease(string pid, string? name = null)
    {
        var probe = TestActor;
        return Sys.ActorOf(Props.Create(() => new LeaseActor(pid, probe)), name);
    }

    private void Stop(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
    }

    [Fact]
    public async Task Events_persisted_by_an_actor_are_recovered_by_its_next_incarnation()
    {
        await StartFreshAsync();
        var actor = Lease("client-1");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.Add("a"), TestActor);
        actor.Tell(new LeaseActor.Add("b"), TestActor);
        ExpectMsg("added:a:1");
        ExpectMsg("added:b:2");
        Stop(actor);
        var again = Lease("client-1");
        ExpectMsg("recovered:2:replayed=2:snapshot=False:a,b");
        again.Tell(new LeaseActor.Add("c"), TestActor);
        ExpectMsg("added:c:3");
    }

    [Fact]
    public async Task Commands_wait_while_a_persist_is_in_flight_and_see_its_effect()
    {
        await StartFreshAsync();
        var actor = Lease("client-2");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        var expected = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            actor.Tell(new LeaseActor.Add("v" + i), TestActor);
            actor.Tell(new LeaseActor.Get(), TestActor);
        }

        for (var i = 0; i < 20; i++)
        {
            expected.Add("v" + i);
            ExpectMsg($"added:v{i}:{i + 1}");
            ExpectMsg(string.Join(',', expected));
        }

        actor.Tell(new LeaseActor.AddAfterDelay("late"), TestActor);
        actor.Tell(new LeaseActor.Get(), TestActor);
        ExpectMsg("added:late:21");
        ExpectMsg(string.Join(',', expected) + ",late");
    }

    [Fact]
    public async Task PersistAll_commits_atomically_and_runs_each_handler_in_order()
    {
        var store = await StartFreshAsync();
        var actor = Lease("client-3");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.AddMany(["x", "y", "z"]), TestActor);
        actor.Tell(new LeaseActor.Get(), TestActor);
        ExpectMsg("added:x:1");
        ExpectMsg("added:y:2");
        ExpectMsg("added:z:3");
        ExpectMsg("x,y,z");
        Assert.Equal(3, await store.Journal.ReadHighestSequenceNrAsync("client-3"));
    }

    [Fact]
    public async Task PersistAsync_handlers_and_deferred_handlers_run_in_call_order()
    {
        await StartFreshAsync();
        var actor = Lease("client-4");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.AddAsync("a"), TestActor);
        actor.Tell(new LeaseActor.AddAsync("b"), TestActor);
        actor.Tell(new LeaseActor.AddAsync("c"), TestActor);
        foreach (var v in new[] { "a", "b", "c" })
        {
            ExpectMsg("async:" + v);
            ExpectMsg("deferred:" + v);
        }

        actor.Tell(new LeaseActor.Get(), TestActor);
        ExpectMsg("a,b,c");
    }

    [Fact]
    public async Task Recovery_starts_from_the_latest_snapshot_and_replays_only_the_tail()
    {
        await StartFreshAsync();
        var actor = Lease("client-5");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.AddMany(["1", "2", "3", "4", "5"]), TestActor);
        for (var i = 1; i <= 5; i++)
        {
            ExpectMsg($"added:{i}:{i}");
        }

        actor.Tell(new LeaseActor.Snap(), TestActor);
        ExpectMsg("snapshot-saved:5");
        actor.Tell(new LeaseActor.Add("6"), TestActor);
        actor.Tell(new LeaseActor.Add("7"), TestActor);
        ExpectMsg("added:6:6");
        ExpectMsg("added:7:7");
        Stop(actor);
        Lease("client-5");
        ExpectMsg("recovered:7:replayed=2:snapshot=True:1,2,3,4,5,6,7");
    }

    [Fact]
    public async Task Deleted_messages_are_not_replayed_and_sequence_numbers_continue()
    {
        await StartFreshAsync();
        var actor = Lease("client-6");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.AddMany(["1", "2", "3"]), TestActor);
        for (var i = 1; i <= 3; i++)
        {
            ExpectMsg($"added:{i}:{i}");
        }

        actor.Tell(new LeaseActor.Delete(3), TestActor);
        ExpectMsg("deleted:3");
        Stop(actor);
        var again = Lease("client-6");
        ExpectMsg("recovered:3:replayed=0:snapshot=False:");
        again.Tell(new LeaseActor.Add("4"), TestActor);
        ExpectMsg("added:4:4");
    }

    [Fact]
    public async Task A_second_live_writer_of_the_same_persistence_id_fails_its_persist_and_stops()
    {
        var store = await StartFreshAsync();
        var first = Lease("client-7", "first");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        var second = Lease("client-7", "second");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        Watch(second);
        first.Tell(new LeaseActor.Add("from-first"), TestActor);
        ExpectMsg("added:from-first:1");
        second.Tell(new LeaseActor.Add("from-second"), TestActor);
        ExpectMsg("persist-failed:1:JournalWriteRejectedException");
        ExpectTerminated(second);
        first.Tell(new LeaseActor.Get(), TestActor);
        ExpectMsg("from-first");
        var stored = new List<string>();
        await foreach (var e in store.Journal.ReplayAsync("client-7", 1, long.MaxValue, long.MaxValue))
        {
            stored.Add(((StringValue)e.Event).Value);
        }

        Assert.Equal(["from-first"], stored);
    }

    [Fact]
    public async Task A_read_model_rejection_is_never_reported_as_success_and_the_actor_goes_on()
    {
        await StartFreshAsync(readModels: true);
        var a = Lease("client-a", "a");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        var b = Lease("client-b", "b");
        ExpectMsg("recovered:0:replayed=0:snapshot=False:");
        a.Tell(new LeaseActor.Claim("192.0.2.10", "aa"), TestActor);
        ExpectMsg("claimed:192.0.2.10");
        b.Tell(new LeaseActor.Claim("192.0.2.11", "aa"), TestActor);
        ExpectMsg("persist-rejected:1");
        b.Tell(new LeaseActor.Get(), TestActor);
        ExpectMsg(string.Empty);
        b.Tell(new LeaseActor.Claim("192.0.2.11", "bb"), TestActor);
        ExpectMsg("claimed:192.0.2.11");
    }

    [Fact]
    public async Task An_unknown_manifest_fails_recovery_naming_the_persistence_id_and_sequence_number()
    {
        var options = await CreateOptionsAsync();
        await using (var writer = await PersistenceStore.StartAsync(options))
        {
            await writer.Journal.WriteAsync(new AtomicWrite("client-8", 1, new StringValue { Value = "ok" }));
            await writer.Journal.WriteAsync(new AtomicWrite("client-8", 2, new Int64Value { Value = 7 }));
        }

        await StartAsync(options with { Serializers = new SerializerRegistry().Register<StringValue>(100, "s") });
        var actor = Lease("client-8");
        var error = ExpectMsg<UnknownManifestException>();
        Assert.Equal("client-8", error.PersistenceId);
        Assert.Equal(2, error.SequenceNr);
        Assert.Contains("'client-8' at sequence number 2", error.Message, StringComparison.Ordinal);
    }
}
