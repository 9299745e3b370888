using System.Data.Common;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DhcpCluster.Actors.Persistence.Tests.Journal;

/// <summary>The journal suite on SQLite files in a temp directory.</summary>
public sealed class SqliteJournalTests : JournalSuite
{
    private readonly TempDirectory _directory = new();
    private int _files;

    protected override Task<PersistenceStoreOptions> CreateOptionsAsync() => Task.FromResult(new PersistenceStoreOptions
    {
        Provider = StorageProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_directory.Path, "journal" + Interlocked.Increment(ref _files) + ".db")}",
        Serializers = NewRegistry(),
        QueryRefreshInterval = TimeSpan.FromMilliseconds(100),
    });

    protected override async Task<DbConnection> OpenRawAsync(PersistenceStoreOptions options)
    {
        var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override void AssertDurable(string durability) =>
        Assert.Equal("sqlite synchronous=FULL journal_mode=wal", durability);

    [Fact]
    public async Task Releasing_idle_connections_keeps_the_journal_working_and_its_caches_counted()
    {
        var (store, _) = await StartFreshAsync();
        for (var seq = 1; seq <= 50; seq++)
        {
            await store.Journal.WriteAsync(new AtomicWrite("pool-1", seq, S("e" + seq)));
        }

        Assert.Equal(50, (await ReplayAllAsync(store.Journal, "pool-1")).Count); // a pooled reader connection, now idle
        Assert.True(store.DatabaseMemoryInUse > 0, "the writer's open connection holds SQLite memory");

        store.ReleaseIdleConnections();

        // The writer's connection stayed open, and readers open a new connection on demand.
        await store.Journal.WriteAsync(new AtomicWrite("pool-1", 51, S("e51")));
        var replayed = await ReplayAllAsync(store.Journal, "pool-1");
        Assert.Equal(51, replayed.Count);
        Assert.Equal(51, await store.Journal.ReadHighestSequenceNrAsync("pool-1"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
