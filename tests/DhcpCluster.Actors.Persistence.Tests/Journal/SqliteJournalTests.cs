using System.Data.Common;
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

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
