using System.Data.Common;
using DhcpCluster.Actors.Persistence.Tests.Infrastructure;
using Npgsql;

namespace DhcpCluster.Actors.Persistence.Tests.Journal;

/// <summary>The journal suite on a throw-away PostgreSQL server, one database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlJournalTests(PostgresFixture postgres) : JournalSuite
{
    protected override async Task<PersistenceStoreOptions> CreateOptionsAsync() => new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = await postgres.Server.CreateDatabaseAsync(),
        Serializers = NewRegistry(),
        QueryRefreshInterval = TimeSpan.FromMilliseconds(100),
        OrderingGapTimeout = TimeSpan.FromSeconds(2),
    };

    protected override async Task<DbConnection> OpenRawAsync(PersistenceStoreOptions options)
    {
        var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override void AssertDurable(string durability) =>
        Assert.Equal("postgresql synchronous_commit=on fsync=on", durability);
}
