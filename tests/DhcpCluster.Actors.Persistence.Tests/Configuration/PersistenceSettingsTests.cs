using DhcpCluster.Actors.Persistence.Configuration;
using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Persistence.Tests.Configuration;

/// <summary>dhcp-cluster.persistence: defaults, overrides, bad values, and agreement of the key catalog, reference.conf and HOCON-reference.md.</summary>
public sealed class PersistenceSettingsTests
{
    private static readonly System.Reflection.Assembly Module = typeof(PersistenceSettings).Assembly;

    private static Config Load(string text) => ConfigFactory.Load(ConfigFactory.ParseString(text, "node.conf"), Module);

    [Fact]
    public void Defaults_are_embedded_sqlite_with_full_durability_and_kea_reconnect_defaults()
    {
        var options = PersistenceSettings.FromConfig(ConfigFactory.ReferenceConfig(Module), new SerializerRegistry());
        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal("Data Source=dhcp-cluster.db", options.ConnectionString);
        Assert.Equal(SqliteSynchronous.Full, options.SqliteSynchronous);
        Assert.Equal("on", options.PostgreSqlSynchronousCommit);
        Assert.Equal(ReconnectSettings.KeaDefaults, options.Reconnect);
        Assert.Equal(1000, options.BatchSize);
        Assert.Equal(TimeSpan.Zero, options.MaxBatchLinger);
        Assert.Equal(("journal", "tags", "snapshot", "schema_version"), (options.JournalTable, options.TagTable, options.SnapshotTable, options.SchemaVersionTable));
        Assert.True(options.AutoInitialize);
    }

    [Fact]
    public void Overrides_select_postgresql_batching_and_kea_reconnect_knobs()
    {
        var options = PersistenceSettings.FromConfig(
            Load("""
                dhcp-cluster.persistence.journal {
                  provider-name = PostgreSQL.15
                  connection-string = "Host=db;Database=leases;Username=dhcp"
                  batch-size = 250
                  max-batch-linger = 2ms
                  parallelism = 4
                  synchronous-commit = remote_apply
                  max-reconnect-tries = 12
                  reconnect-wait-time = 5000
                  on-fail = serve-retry-continue
                  retry-on-startup = on
                  query.ordering-gap-timeout = 10s
                }
                dhcp-cluster.persistence.snapshot-store.table-name = snapshots
                """),
            new SerializerRegistry());
        Assert.Equal(StorageProvider.PostgreSql, options.Provider);
        Assert.Equal("Host=db;Database=leases;Username=dhcp", options.ConnectionString);
        Assert.Equal((250, TimeSpan.FromMilliseconds(2), 4), (options.BatchSize, options.MaxBatchLinger, options.Parallelism));
        Assert.Equal("remote_apply", options.PostgreSqlSynchronousCommit);
        Assert.Equal(new ReconnectSettings(12, TimeSpan.FromSeconds(5), OnFailAction.ServeRetryContinue, RetryOnStartup: true), options.Reconnect);
        Assert.Equal(TimeSpan.FromSeconds(10), options.OrderingGapTimeout);
        Assert.Equal("snapshots", options.SnapshotTable);
    }

    [Theory]
    [InlineData("dhcp-cluster.persistence.journal.on-fail = explode", "dhcp-cluster.persistence.journal.on-fail")]
    [InlineData("dhcp-cluster.persistence.journal.provider-name = oracle", "dhcp-cluster.persistence.journal.provider-name")]
    [InlineData("dhcp-cluster.persistence.journal.sqlite-synchronous = sometimes", "dhcp-cluster.persistence.journal.sqlite-synchronous")]
    [InlineData("dhcp-cluster.persistence.journal.batch-size = 0", "dhcp-cluster.persistence.journal.batch-size")]
    [InlineData("dhcp-cluster.persistence.journal.plugin = inmem", "dhcp-cluster.persistence.journal.plugin")]
    [InlineData("dhcp-cluster.persistence.snapshot-store.connection-string = \"Data Source=other.db\"", "dhcp-cluster.persistence.snapshot-store.connection-string")]
    public void Bad_values_are_refused_naming_the_key_and_the_file(string line, string key)
    {
        var error = Assert.Throws<ConfigException>(() => PersistenceSettings.FromConfig(Load(line), new SerializerRegistry()));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("node.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_reference_conf_and_hocon_reference_agree()
    {
        var declared = ConfigKeyRegistry.Discover([Module]).Where(k => k.Path.StartsWith("dhcp-cluster.persistence.", StringComparison.Ordinal)).ToList();
        var reference = ConfigFactory.ReferenceConfig(Module);
        var rows = DocumentedRows();
        Assert.Equal(declared.Select(k => k.Path).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var key in declared)
        {
            Assert.True(reference.HasPath(key), key.Path + " has no default in reference.conf");
            var (type, documentedDefault) = rows[key.Path];
            Assert.Equal(key.Type.ToString(), type);
            Assert.Equal(Normalize(reference.GetValue(key).ToHocon()), Normalize(documentedDefault));
        }
    }

    private static Dictionary<string, (string Type, string Default)> DocumentedRows()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HOCON-reference.md")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var line in File.ReadAllLines(Path.Combine(directory.FullName, "HOCON-reference.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = string.Equals(line, "## dhcp-cluster.persistence (DhcpCluster.Actors.Persistence)", StringComparison.Ordinal);
            }
            else if (inSection && line.StartsWith("| `", StringComparison.Ordinal))
            {
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                rows.Add(cells[0].Trim('`'), (cells[1], cells[2]));
            }
        }

        return rows;
    }

    private static string Normalize(string text) => new(text.Where(c => c is not ('`' or '"') && !char.IsWhiteSpace(c)).ToArray());
}
