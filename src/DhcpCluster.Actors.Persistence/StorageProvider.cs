namespace DhcpCluster.Actors.Persistence;

/// <summary>The database engine behind a store.</summary>
public enum StorageProvider
{
    /// <summary>Embedded SQLite file (the default for one node).</summary>
    Sqlite,

    /// <summary>PostgreSQL server (for clusters).</summary>
    PostgreSql,
}
