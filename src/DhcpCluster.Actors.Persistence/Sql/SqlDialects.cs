using DhcpCluster.Actors.Persistence.PostgreSql;
using DhcpCluster.Actors.Persistence.Sqlite;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>Picks the dialect for a provider.</summary>
internal static class SqlDialects
{
    public static SqlDialect Create(PersistenceStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PersistenceStoreOptions.Validate(options);
        return options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteDialect(options),
            StorageProvider.PostgreSql => new PostgreSqlDialect(options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown storage provider."),
        };
    }
}
