using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Tests.Infrastructure;
using DhcpCluster.Actors.Testing;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.PersistentActors;

/// <summary>
/// Where a commit's completion runs: on the SQLite writer lane's own thread, and there also the turn of a persistent
/// actor on a dispatcher with dedicated threads (no dispatcher thread woken per commit); on the .NET thread pool
/// dispatcher the turn is scheduled as usual.
/// </summary>
public sealed class JournalLaneTests() : TestKit("""
    dhcp-cluster.actor.lane-test-dispatcher {
      type = Dispatcher
      executor = fork-join-executor
      fork-join-executor { parallelism-min = 1, parallelism-max = 1 }
    }
    """), IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private PersistenceStore? _store;

    public async Task InitializeAsync()
    {
        _store = await PersistenceStore.StartAsync(new PersistenceStoreOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_directory.Path, "lane.db")}",
            Serializers = new SerializerRegistry().Register<StringValue>(100, "s"),
        });
        PersistenceExtension.Get(Sys).Use(_store);
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public void A_persist_handler_of_an_actor_on_dedicated_threads_runs_on_the_journal_lane()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThreadReporter("on-fork-join")).WithDispatcher("lane-test-dispatcher"));
        actor.Tell("persist", TestActor);
        Assert.Equal("command:lane-test-dispatcher-1", ExpectMsg<string>());
        Assert.Equal("persisted:journal-lane", ExpectMsg<string>());
        actor.Tell("persist", TestActor);
        ExpectMsg<string>();
        Assert.Equal("persisted:journal-lane", ExpectMsg<string>());
    }

    [Fact]
    public void A_persist_handler_of_an_actor_on_the_thread_pool_runs_on_a_pool_thread()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThreadReporter("on-pool")));
        actor.Tell("persist", TestActor);
        ExpectMsg<string>();
        Assert.Equal("persisted:pool", ExpectMsg<string>());
    }

    private sealed class ThreadReporter : ReceivePersistentActor
    {
        public ThreadReporter(string persistenceId)
        {
            PersistenceId = persistenceId;
            Command<string>(_ =>
            {
                Sender.Tell("command:" + ThreadName(), Self);
                Persist(new StringValue { Value = "x" }, _ => Sender.Tell("persisted:" + ThreadName(), Self));
            });
        }

        public override string PersistenceId { get; }

        private static string ThreadName() => Thread.CurrentThread.IsThreadPoolThread ? "pool" : Thread.CurrentThread.Name ?? "unnamed";
    }
}
