using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.Journal;

/// <summary>Bad input is refused with a clear error before anything reaches the database.</summary>
public sealed class WriteValidationTests
{
    [Fact]
    public void Atomic_writes_need_events_with_consecutive_sequence_numbers_from_one()
    {
        var e = new StringValue();
        Assert.Throws<ArgumentException>(() => new AtomicWrite("p", []));
        Assert.Throws<ArgumentException>(() => new AtomicWrite("", 1, e));
        Assert.Contains("start at 1", Assert.Throws<ArgumentException>(() => new AtomicWrite("p", 0, e)).Message, StringComparison.Ordinal);
        Assert.Contains("consecutive", Assert.Throws<ArgumentException>(() => new AtomicWrite("p", [new(1, e), new(3, e)])).Message, StringComparison.Ordinal);
        var write = new AtomicWrite("p", [new(4, e), new(5, e)]);
        Assert.Equal((4, 5), (write.FromSequenceNr, write.ToSequenceNr));
    }

    [Fact]
    public void Read_model_tables_check_their_declaration()
    {
        ReadModelColumn[] columns = [new("address", ReadModelColumnType.Text), new("client_id", ReadModelColumnType.Text, Nullable: true)];
        Assert.Throws<ArgumentException>(() => new ReadModelTable("lease; DROP TABLE journal", columns, ["address"]));
        Assert.Throws<ArgumentException>(() => new ReadModelTable("leases", columns, ["nope"]));
        Assert.Throws<ArgumentException>(() => new ReadModelTable("leases", columns, []));
        Assert.Throws<ArgumentException>(() => new ReadModelTable("leases", [.. columns, new("address", ReadModelColumnType.Integer)], ["address"]));
        Assert.Throws<ArgumentException>(() => new ReadModelTable("leases", columns, ["address"], uniqueIndexes: [["missing"]]));
    }

    [Fact]
    public void Options_refuse_bad_values_naming_the_setting()
    {
        var options = new PersistenceStoreOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=x.db", Serializers = new SerializerRegistry() };
        Assert.Contains("batch-size", Assert.Throws<ArgumentException>(() => new Schema.SchemaManager(options with { BatchSize = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("synchronous-commit", Assert.Throws<ArgumentException>(() => new Schema.SchemaManager(options with { PostgreSqlSynchronousCommit = "maybe" })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Schema.SchemaManager(options with { JournalTable = "journal x" }));
        Assert.Contains("in-memory", Assert.Throws<ArgumentException>(() => new Schema.SchemaManager(options with { ConnectionString = "Data Source=:memory:" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_fails_the_start_unless_retry_on_startup()
    {
        using var directory = new TempDirectory();
        var options = new PersistenceStoreOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(directory.Path, "missing-dir", "journal.db")}",
            Serializers = new SerializerRegistry(),
        };
        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => PersistenceStore.StartAsync(options));
        Assert.Contains("sqlite", error.Message, StringComparison.Ordinal);
    }
}
