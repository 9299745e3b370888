using DhcpCluster.Actors.Persistence.Tests.Infrastructure;

namespace DhcpCluster.Actors.Persistence.Tests.PersistentActors;

/// <summary>Persistent actors over PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlPersistentActorTests(PostgresFixture postgres) : PersistentActorSuite
{
    protected override async Task<PersistenceStoreOptions> CreateOptionsAsync() => new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = await postgres.Server.CreateDatabaseAsync(),
        Serializers = NewRegistry(),
    };
}
