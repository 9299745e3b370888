using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Persistence.Configuration;

/// <summary>Reads <c>dhcp-cluster.persistence</c> (keys in <see cref="PersistenceConfigKeys"/>) into <see cref="PersistenceStoreOptions"/>.</summary>
public static class PersistenceSettings
{
    /// <summary>Builds the store options from a configuration that includes this module's reference.conf.</summary>
    /// <param name="config">The node's configuration (with reference fallbacks).</param>
    /// <param name="serializers">The application's event and snapshot types.</param>
    /// <param name="readModelTables">The application's read-model tables.</param>
    /// <exception cref="ConfigException">A key has a value outside its allowed set, or the snapshot store names another database.</exception>
    public static PersistenceStoreOptions FromConfig(Config config, SerializerRegistry serializers, IReadOnlyList<ReadModelTable>? readModelTables = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(serializers);
        Expect(config, PersistenceConfigKeys.JournalPlugin, "sql");
        Expect(config, PersistenceConfigKeys.SnapshotPlugin, "sql");
        var provider = ParseProvider(config, PersistenceConfigKeys.ProviderName);
        var connectionString = config.GetString(PersistenceConfigKeys.ConnectionString);
        var snapshotProvider = config.GetString(PersistenceConfigKeys.SnapshotProviderName);
        if (snapshotProvider.Length > 0 && ParseProvider(config, PersistenceConfigKeys.SnapshotProviderName) != provider)
        {
            throw Problem(config, PersistenceConfigKeys.SnapshotProviderName, "the snapshot store shares the journal's database: leave it empty or give the journal's provider");
        }

        var snapshotConnection = config.GetString(PersistenceConfigKeys.SnapshotConnectionString);
        if (snapshotConnection.Length > 0 && !string.Equals(snapshotConnection, connectionString, StringComparison.Ordinal))
        {
            throw Problem(config, PersistenceConfigKeys.SnapshotConnectionString, "the snapshot store shares the journal's database: leave it empty or give the journal's connection string");
        }

        return new PersistenceStoreOptions
        {
            Provider = provider,
            ConnectionString = connectionString,
            Serializers = serializers,
            ReadModelTables = readModelTables ?? [],
            AutoInitialize = config.GetBoolean(PersistenceConfigKeys.AutoInitialize),
            JournalTable = config.GetString(PersistenceConfigKeys.TableName),
            TagTable = config.GetString(PersistenceConfigKeys.TagTableName),
            SchemaVersionTable = config.GetString(PersistenceConfigKeys.SchemaVersionTableName),
            SnapshotTable = config.GetString(PersistenceConfigKeys.SnapshotTableName),
            BatchSize = Positive(config, PersistenceConfigKeys.BatchSize),
            MaxBatchLinger = config.GetDuration(PersistenceConfigKeys.MaxBatchLinger),
            Parallelism = Positive(config, PersistenceConfigKeys.Parallelism),
            BufferSize = Positive(config, PersistenceConfigKeys.BufferSize),
            SqliteSynchronous = config.GetString(PersistenceConfigKeys.SqliteSynchronous).ToLowerInvariant() switch
            {
                "off" => SqliteSynchronous.Off,
                "normal" => SqliteSynchronous.Normal,
                "full" => SqliteSynchronous.Full,
                "extra" => SqliteSynchronous.Extra,
                _ => throw Problem(config, PersistenceConfigKeys.SqliteSynchronous, "expected off, normal, full or extra"),
            },
            PostgreSqlSynchronousCommit = OneOf(config, PersistenceConfigKeys.SynchronousCommit, "on", "remote_apply", "remote_write", "local", "off"),
            Reconnect = new ReconnectSettings(
                NotNegative(config, PersistenceConfigKeys.MaxReconnectTries),
                config.GetDuration(PersistenceConfigKeys.ReconnectWaitTime),
                ReconnectSettings.ParseOnFail(OneOf(config, PersistenceConfigKeys.OnFail, "stop-retry-exit", "serve-retry-exit", "serve-retry-continue")),
                config.GetBoolean(PersistenceConfigKeys.RetryOnStartup)),
            QueryRefreshInterval = config.GetDuration(PersistenceConfigKeys.QueryRefreshInterval),
            QueryPageSize = Positive(config, PersistenceConfigKeys.QueryMaxBufferSize),
            OrderingGapTimeout = config.GetDuration(PersistenceConfigKeys.QueryOrderingGapTimeout),
        };
    }

    private static StorageProvider ParseProvider(Config config, ConfigKey key)
    {
        var value = config.GetString(key);
        if (value.StartsWith("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return StorageProvider.Sqlite;
        }

        if (value.StartsWith("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            return StorageProvider.PostgreSql;
        }

        throw Problem(config, key, $"expected sqlite or postgresql, found \"{value}\"");
    }

    private static void Expect(Config config, ConfigKey key, string expected) => OneOf(config, key, expected);

    private static string OneOf(Config config, ConfigKey key, params string[] allowed)
    {
        var value = config.GetString(key);
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw Problem(config, key, $"expected {string.Join(", ", allowed)}, found \"{value}\"");
        }

        return value;
    }

    private static int Positive(Config config, ConfigKey key)
    {
        var value = config.GetInt(key);
        return value > 0 ? value : throw Problem(config, key, $"must be positive, found {value}");
    }

    private static int NotNegative(Config config, ConfigKey key)
    {
        var value = config.GetInt(key);
        return value >= 0 ? value : throw Problem(config, key, $"must not be negative, found {value}");
    }

    private static ConfigException Problem(Config config, ConfigKey key, string problem) =>
        new(config.GetValue(key).Origin, key.Path, problem);
}
