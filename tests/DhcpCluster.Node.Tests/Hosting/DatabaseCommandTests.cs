namespace DhcpCluster.Node.Tests.Hosting;

/// <summary><c>dhcp-node db init|version|upgrade --config FILE</c> over a SQLite lease database.</summary>
public sealed class DatabaseCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dhcp-node-db-" + Guid.NewGuid().ToString("N")[..12]);

    public DatabaseCommandTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Version_fails_before_init_and_succeeds_after_it_and_upgrade_is_idempotent()
    {
        var database = Path.Combine(directory, "sub", "leases.db");
        var config = Path.Combine(directory, "node.conf");
        await File.WriteAllTextAsync(config, $$"""
            Dhcp4 {
              interfaces-config { interfaces = [] }
              lease-database { type = "sqlite", name = "{{database}}" }
            }
            """);

        Assert.Equal(NodeCommandLine.Invalid, await RunAsync("db", "version", "--config", config));
        Assert.Equal(0, await RunAsync("db", "init", "--config", config));
        Assert.True(File.Exists(database));
        Assert.Equal(0, await RunAsync("db", "version", "--config", config));
        Assert.Equal(0, await RunAsync("db", "upgrade", "--config", config));
        Assert.Equal(0, await RunAsync("db", "version", "--config", config));
    }

    [Fact]
    public async Task The_journal_keys_of_the_configuration_apply_to_the_lease_database()
    {
        var database = Path.Combine(directory, "leases.db");
        var config = Path.Combine(directory, "node.conf");
        await File.WriteAllTextAsync(config, $$"""
            Dhcp4 {
              interfaces-config { interfaces = [] }
              lease-database { type = "sqlite", name = "{{database}}" }
            }
            dhcp-cluster.persistence.journal.table-name = lease_journal
            """);

        Assert.Equal(0, await RunAsync("db", "init", "--config", config));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + database);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('journal', 'lease_journal')";
        Assert.Equal("lease_journal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_configuration_with_errors_is_refused()
    {
        var config = Path.Combine(directory, "bad.conf");
        await File.WriteAllTextAsync(config, "Dhcp4 { lease-database { type = \"nosuch\" } }");
        Assert.Equal(NodeCommandLine.Invalid, await RunAsync("db", "init", "--config", config));
    }

    private static Task<int> RunAsync(params string[] arguments) => NodeCommandLine.Build().Parse(arguments).InvokeAsync();
}
