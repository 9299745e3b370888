using DhcpCluster.Actors.Cluster.Sharding;
using DhcpCluster.Actors.Cluster.Singleton;
using DhcpCluster.Actors.Persistence;
using DhcpCluster.Actors.Persistence.Configuration;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Hocon;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace DhcpCluster.Actors.Cluster.TestNode;

/// <summary>The namespace tests' workload on one node: the PostgreSQL journal, the recorder singleton and the sharded counter.</summary>
public sealed class ShardedWorkload : IAsyncDisposable
{
    private readonly PersistenceStore _store;
    private readonly NpgsqlDataSource _db;

    private ShardedWorkload(PersistenceStore store, NpgsqlDataSource db, IActorRef counters)
    {
        _store = store;
        _db = db;
        Counters = counters;
    }

    /// <summary>The region of the counters.</summary>
    public IActorRef Counters { get; }

    public static async Task<ShardedWorkload> StartAsync(ActorSystem system, string connectionString)
    {
        var config = ConfigFactory.ParseString($$"""
            dhcp-cluster.persistence.journal {
              provider-name = postgresql
              connection-string = "{{connectionString}}"
            }
            """).WithFallback(ConfigFactory.ReferenceConfig(typeof(PersistenceStore).Assembly));
        var store = await PersistenceStore.StartAsync(PersistenceSettings.FromConfig(config, new SerializerRegistry().Register<StringValue>(100, "s"))).ConfigureAwait(false);
        PersistenceExtension.Get(system).Use(store);
        var db = NpgsqlDataSource.Create(connectionString);
        await SingletonRecorder.CreateTableAsync(db).ConfigureAwait(false);
        var cluster = Cluster.Get(system);
        var node = cluster.SelfAddress.Host + ":" + cluster.SelfAddress.Port;
        system.ActorOf(ClusterSingletonManager.Props(Props.Create(() => new SingletonRecorder(db, node)), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system)), "recorder");
        var settings = ClusterShardingSettings.Create(system);
        var counters = ClusterSharding.Get(system).Start("counter", id => Props.Create(() => new CounterEntity(id)), settings, CounterEntity.Extractor(settings.NumberOfShards), CounterEntity.Stop);
        Output.Line("WORKLOAD_STARTED");
        return new ShardedWorkload(store, db, counters);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
