using System.Data.Common;
using System.Globalization;
using DhcpCluster.Actors.Persistence;
using DhcpCluster.Actors.Persistence.Health;

namespace DhcpCluster.Server.Configuration;

/// <summary>
/// Kea's <c>lease-database</c>, which configures the event journal (design.md "One database setting"):
/// <c>sqlite</c> and <c>memfile</c> use the embedded SQLite store, <c>postgresql</c> a server. For <c>memfile</c>,
/// <see cref="Name"/> is Kea's lease CSV: the journal lives next to it (<c>.csv</c> replaced by <c>.db</c>) and
/// the CSV is imported when it exists (<see cref="ImportFile"/>).
/// </summary>
public sealed record LeaseDatabaseConfiguration
{
    /// <summary>The SQLite file used when <c>name</c> is not given.</summary>
    public const string DefaultSqliteFile = "/var/lib/dhcp-cluster/dhcp4-leases.db";

    /// <summary>Kea's <c>type</c>.</summary>
    public LeaseDatabaseType Type { get; init; } = LeaseDatabaseType.Memfile;

    /// <summary>Kea's <c>name</c>: the file (sqlite, memfile) or the database name (postgresql).</summary>
    public string? Name { get; init; }

    /// <summary>Kea's <c>host</c> (postgresql).</summary>
    public string? Host { get; init; }

    /// <summary>Kea's <c>port</c> (postgresql).</summary>
    public int? Port { get; init; }

    /// <summary>Kea's <c>user</c> (postgresql).</summary>
    public string? User { get; init; }

    /// <summary>Kea's <c>password</c> (postgresql).</summary>
    public string? Password { get; init; }

    /// <summary>Kea's <c>persist</c> (memfile): false keeps leases in memory only (tests); here it selects an in-memory SQLite journal.</summary>
    public bool Persist { get; init; } = true;

    /// <summary>Kea's <c>lfc-interval</c> in seconds (memfile); accepted, the journal needs no lease-file cleanup.</summary>
    public long LfcInterval { get; init; } = 3600;

    /// <summary>Kea's <c>max-reconnect-tries</c>, <c>reconnect-wait-time</c>, <c>on-fail</c> and <c>retry-on-startup</c>.</summary>
    public ReconnectSettings Reconnect { get; init; } = ReconnectSettings.KeaDefaults;

    /// <summary>The Kea lease CSV to import at start (memfile whose <c>name</c> exists as a file); null otherwise.</summary>
    public string? ImportFile { get; init; }

    /// <summary>The journal engine.</summary>
    public StorageProvider Provider => Type == LeaseDatabaseType.PostgreSql ? StorageProvider.PostgreSql : StorageProvider.Sqlite;

    /// <summary>The SQLite file of the journal (sqlite, memfile with persist); null for postgresql or an in-memory journal.</summary>
    public string? SqliteFile => Type switch
    {
        LeaseDatabaseType.PostgreSql => null,
        LeaseDatabaseType.Memfile when !Persist => null,
        LeaseDatabaseType.Memfile when Name is { } csv => string.Equals(Path.GetExtension(csv), ".csv", StringComparison.OrdinalIgnoreCase)
            ? Path.ChangeExtension(csv, ".db")
            : csv + ".db",
        _ => Name ?? DefaultSqliteFile,
    };

    /// <summary>The ADO.NET connection string of the journal (SQLite: <c>Data Source=…</c>; PostgreSQL: Npgsql keywords).</summary>
    public string ConnectionString
    {
        get
        {
            var builder = new DbConnectionStringBuilder();
            if (Type == LeaseDatabaseType.PostgreSql)
            {
                builder["Host"] = Host ?? "localhost";
                if (Port is { } port)
                {
                    builder["Port"] = port.ToString(CultureInfo.InvariantCulture);
                }

                builder["Database"] = Name ?? "kea";
                if (User is not null)
                {
                    builder["Username"] = User;
                }

                if (Password is not null)
                {
                    builder["Password"] = Password;
                }
            }
            else
            {
                builder["Data Source"] = SqliteFile ?? ":memory:";
            }

            return builder.ConnectionString;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Type switch
    {
        LeaseDatabaseType.PostgreSql => $"postgresql {User ?? "?"}@{Host ?? "localhost"}:{Port ?? 5432}/{Name ?? "kea"}",
        _ => $"{Type.ToString().ToLowerInvariant()} {SqliteFile ?? "in memory"}",
    };
}
