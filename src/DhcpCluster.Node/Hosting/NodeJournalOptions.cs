using DhcpCluster.Actors.Persistence;
using DhcpCluster.Actors.Persistence.Configuration;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Hocon;
using DhcpCluster.Server.Configuration;
using DhcpCluster.Server.Leases;

namespace DhcpCluster.Node.Hosting;

/// <summary>
/// The lease journal's store options: every <c>dhcp-cluster.persistence</c> key (durability, batching, table names,
/// queries), with the database itself (provider, connection string) and the reconnect rules taken from Kea's
/// <c>Dhcp4.lease-database</c>.
/// </summary>
internal static class NodeJournalOptions
{
    /// <exception cref="ConfigException">A <c>dhcp-cluster.persistence</c> key has a value outside its allowed set.</exception>
    public static PersistenceStoreOptions For(Config config, LeaseDatabaseConfiguration database) =>
        PersistenceSettings.FromConfig(config, LeaseEventSerializers.Register(new SerializerRegistry()), [LeaseReadModel.Table]) with
        {
            Provider = database.Provider,
            ConnectionString = database.ConnectionString,
            Reconnect = database.Reconnect,
        };
}
