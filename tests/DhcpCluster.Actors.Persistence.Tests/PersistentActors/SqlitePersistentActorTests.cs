using DhcpCluster.Actors.Persistence.Tests.Infrastructure;

namespace DhcpCluster.Actors.Persistence.Tests.PersistentActors;

/// <summary>Persistent actors over SQLite.</summary>
public sealed class SqlitePersistentActorTests : PersistentActorSuite
{
    private readonly TempDirectory _directory = new();
    private int _files;

    protected override Task<PersistenceStoreOptions> CreateOptionsAsync() => Task.FromResult(new PersistenceStoreOptions
    {
        Provider = StorageProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_directory.Path, "actors" + Interlocked.Increment(ref _files) + ".db")}",
        Serializers = NewRegistry(),
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
