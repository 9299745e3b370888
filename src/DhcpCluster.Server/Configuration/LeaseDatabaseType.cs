namespace DhcpCluster.Server.Configuration;

/// <summary>Kea's <c>lease-database.type</c>.</summary>
public enum LeaseDatabaseType
{
    /// <summary><c>memfile</c>: Kea's lease file; here the embedded SQLite journal, importing the named Kea lease CSV if it exists.</summary>
    Memfile,

    /// <summary><c>sqlite</c>: the embedded SQLite journal (our own type name).</summary>
    Sqlite,

    /// <summary><c>postgresql</c>: a PostgreSQL journal, for clusters.</summary>
    PostgreSql,
}
