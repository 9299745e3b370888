namespace DhcpCluster.Actors.Persistence.Tests.Infrastructure;

/// <summary>One throw-away PostgreSQL server shared by the tests of the <see cref="PostgresCollection"/>; each test uses its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
