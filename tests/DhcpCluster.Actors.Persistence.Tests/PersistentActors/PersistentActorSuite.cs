using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.PersistentActors;

/// <summary>ReceivePersistentActor semantics, run against every engine.</summary>
public abstract class PersistentActorSuite : IAsyncLifetime
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
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }
    }

    private async Task<(ActorSystem System, ActorProbe Probe, PersistenceStore Store)> StartAsync(PersistenceStoreOptions options)
    {
        var store = await PersistenceStore.StartAsync(options);
        _cleanup.Add(store);
        var system = ActorSystem.Create("persistence-test");
        _cleanup.Add(system);
        PersistenceExtension.Get(system).Use(store);
        return (system, new ActorProbe(system, "probe"), store);
    }

    private async Task<(ActorSystem System, ActorProbe Probe, PersistenceStore Store, PersistenceStoreOptions Options)> StartFreshAsync(bool readModels = false)
    {
        var options = await CreateOptionsAsync();
        if (readModels)
        {
            options = options with { ReadModelTables = [LeaseTable] };
        }

        var (system, probe, store) = await StartAsync(options);
        return (system, probe, store, options);
    }

    private static IActorRef Lease(ActorSystem system, ActorProbe probe, string pid, string? name = null) =>
        system.ActorOf(Props.Create(() => new LeaseActor(pid, probe.Ref)), name);

    private static async Task StopAsync(ActorSystem system, IActorRef actor, ActorProbe probe)
    {
        var watcher = system.ActorOf(Props.Create(() => new Watcher(actor, probe.Ref)));
        await probe.ExpectMsgAsync("watching");
        system.Stop(actor);
        await probe.ExpectMsgAsync("terminated");
        system.Stop(watcher);
    }

    [Fact]
    public async Task Events_persisted_by_an_actor_are_recovered_by_its_next_incarnation()
    {
        var (system, probe, _, _) = await StartFreshAsync();
        var actor = Lease(system, probe, "client-1");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.Add("a"), probe.Ref);
        actor.Tell(new LeaseActor.Add("b"), probe.Ref);
        await probe.ExpectMsgAsync("added:a:1");
        await probe.ExpectMsgAsync("added:b:2");
        await StopAsync(system, actor, probe);
        var again = Lease(system, probe, "client-1");
        await probe.ExpectMsgAsync("recovered:2:replayed=2:snapshot=False:a,b");
        again.Tell(new LeaseActor.Add("c"), probe.Ref);
        await probe.ExpectMsgAsync("added:c:3");
    }

    [Fact]
    public async Task Commands_wait_while_a_persist_is_in_flight_and_see_its_effect()
    {
        var (system, probe, _, _) = await StartFreshAsync();
        var actor = Lease(system, probe, "client-2");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        var expected = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            actor.Tell(new LeaseActor.Add("v" + i), probe.Ref);
            actor.Tell(new LeaseActor.Get(), probe.Ref);
        }

        for (var i = 0; i < 20; i++)
        {
            expected.Add("v" + i);
            await probe.ExpectMsgAsync($"added:v{i}:{i + 1}");
            await probe.ExpectMsgAsync(string.Join(',', expected));
        }

        actor.Tell(new LeaseActor.AddAfterDelay("late"), probe.Ref);
        actor.Tell(new LeaseActor.Get(), probe.Ref);
        await probe.ExpectMsgAsync("added:late:21");
        await probe.ExpectMsgAsync(string.Join(',', expected) + ",late");
    }

    [Fact]
    public async Task PersistAll_commits_atomically_and_runs_each_handler_in_order()
    {
        var (system, probe, store, _) = await StartFreshAsync();
        var actor = Lease(system, probe, "client-3");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.AddMany(["x", "y", "z"]), probe.Ref);
        actor.Tell(new LeaseActor.Get(), probe.Ref);
        await probe.ExpectMsgAsync("added:x:1");
        await probe.ExpectMsgAsync("added:y:2");
        await probe.ExpectMsgAsync("added:z:3");
        await probe.ExpectMsgAsync("x,y,z");
        Assert.Equal(3, await store.Journal.ReadHighestSequenceNrAsync("client-3"));
    }

    [Fact]
    public async Task PersistAsync_handlers_and_deferred_handlers_run_in_call_order()
    {
        var (system, probe, _, _) = await StartFreshAsync();
        var actor = Lease(system, probe, "client-4");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.AddAsync("a"), probe.Ref);
        actor.Tell(new LeaseActor.AddAsync("b"), probe.Ref);
        actor.Tell(new LeaseActor.AddAsync("c"), probe.Ref);
        foreach (var v in new[] { "a", "b", "c" })
        {
            await probe.ExpectMsgAsync("async:" + v);
            await probe.ExpectMsgAsync("deferred:" + v);
        }

        actor.Tell(new LeaseActor.Get(), probe.Ref);
        await probe.ExpectMsgAsync("a,b,c");
    }

    [Fact]
    public async Task Recovery_starts_from_the_latest_snapshot_and_replays_only_the_tail()
    {
        var (system, probe, _, _) = await StartFreshAsync();
        var actor = Lease(system, probe, "client-5");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.AddMany(["1", "2", "3", "4", "5"]), probe.Ref);
        for (var i = 1; i <= 5; i++)
        {
            await probe.ExpectMsgAsync($"added:{i}:{i}");
        }

        actor.Tell(new LeaseActor.Snap(), probe.Ref);
        await probe.ExpectMsgAsync("snapshot-saved:5");
        actor.Tell(new LeaseActor.Add("6"), probe.Ref);
        actor.Tell(new LeaseActor.Add("7"), probe.Ref);
        await probe.ExpectMsgAsync("added:6:6");
        await probe.ExpectMsgAsync("added:7:7");
        await StopAsync(system, actor, probe);
        Lease(system, probe, "client-5");
        await probe.ExpectMsgAsync("recovered:7:replayed=2:snapshot=True:1,2,3,4,5,6,7");
    }

    [Fact]
    public async Task Deleted_messages_are_not_replayed_and_sequence_numbers_continue()
    {
        var (system, probe, _, _) = await StartFreshAsync();
        var actor = Lease(system, probe, "client-6");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        actor.Tell(new LeaseActor.AddMany(["1", "2", "3"]), probe.Ref);
        for (var i = 1; i <= 3; i++)
        {
            await probe.ExpectMsgAsync($"added:{i}:{i}");
        }

        actor.Tell(new LeaseActor.Delete(3), probe.Ref);
        await probe.ExpectMsgAsync("deleted:3");
        await StopAsync(system, actor, probe);
        var again = Lease(system, probe, "client-6");
        await probe.ExpectMsgAsync("recovered:3:replayed=0:snapshot=False:");
        again.Tell(new LeaseActor.Add("4"), probe.Ref);
        await probe.ExpectMsgAsync("added:4:4");
    }

    [Fact]
    public async Task A_second_live_writer_of_the_same_persistence_id_fails_its_persist_and_stops()
    {
        var (system, probe, store, _) = await StartFreshAsync();
        var first = Lease(system, probe, "client-7", "first");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        var second = Lease(system, probe, "client-7", "second");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        var watcher = system.ActorOf(Props.Create(() => new Watcher(second, probe.Ref)));
        await probe.ExpectMsgAsync("watching");
        first.Tell(new LeaseActor.Add("from-first"), probe.Ref);
        await probe.ExpectMsgAsync("added:from-first:1");
        second.Tell(new LeaseActor.Add("from-second"), probe.Ref);
        await probe.ExpectMsgAsync("persist-failed:1:JournalWriteRejectedException");
        await probe.ExpectMsgAsync("terminated");
        first.Tell(new LeaseActor.Get(), probe.Ref);
        await probe.ExpectMsgAsync("from-first");
        var stored = new List<string>();
        await foreach (var e in store.Journal.ReplayAsync("client-7", 1, long.MaxValue, long.MaxValue))
        {
            stored.Add(((StringValue)e.Event).Value);
        }

        Assert.Equal(["from-first"], stored);
        system.Stop(watcher);
    }

    [Fact]
    public async Task A_read_model_rejection_is_never_reported_as_success_and_the_actor_goes_on()
    {
        var (system, probe, _, _) = await StartFreshAsync(readModels: true);
        var a = Lease(system, probe, "client-a", "a");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        var b = Lease(system, probe, "client-b", "b");
        await probe.ExpectMsgAsync("recovered:0:replayed=0:snapshot=False:");
        a.Tell(new LeaseActor.Claim("192.0.2.10", "aa"), probe.Ref);
        await probe.ExpectMsgAsync("claimed:192.0.2.10");
        b.Tell(new LeaseActor.Claim("192.0.2.11", "aa"), probe.Ref);
        await probe.ExpectMsgAsync("persist-rejected:1");
        b.Tell(new LeaseActor.Get(), probe.Ref);
        await probe.ExpectMsgAsync(string.Empty);
        b.Tell(new LeaseActor.Claim("192.0.2.11", "bb"), probe.Ref);
        await probe.ExpectMsgAsync("claimed:192.0.2.11");
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

        var (system, probe, _) = await StartAsync(options with { Serializers = new SerializerRegistry().Register<StringValue>(100, "s") });
        var actor = Lease(system, probe, "client-8");
        var error = await probe.ExpectMsgAsync<UnknownManifestException>();
        Assert.Equal("client-8", error.PersistenceId);
        Assert.Equal(2, error.SequenceNr);
        Assert.Contains("'client-8' at sequence number 2", error.Message, StringComparison.Ordinal);
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef subject, IActorRef probe)
        {
            Context.Watch(subject);
            probe.Tell("watching", Self);
            Receive<Terminated>(_ => probe.Tell("terminated", Self));
        }
    }
}
