namespace DhcpCluster.Actors.Persistence.Tests.Infrastructure;

/// <summary>Tests that share one throw-away PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL server";
}
