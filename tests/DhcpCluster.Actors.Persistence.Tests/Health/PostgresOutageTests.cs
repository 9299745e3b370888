using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Persistence.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Tests.Health;

/// <summary>PostgreSQL stopped and restarted under the store: Kea's on-fail modes, reconnects and retry-on-startup. Each test has its own server.</summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private PostgresServer? _server;
    private string _connectionString = string.Empty;

    private PostgresServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartNewAsync();
        _connectionString = await _server.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private PersistenceStoreOptions Options(ReconnectSettings reconnect) => new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = _connectionString,
        Serializers = new SerializerRegistry().Register<StringValue>(100, "s"),
        Reconnect = reconnect,
    };

    private static async Task<DatabaseHealth> WaitForAsync(PersistenceStore store, Func<DatabaseHealth, bool> predicate)
    {
        using var cts = new CancellationTokenSource(Patience);
        return await store.Health.WaitForAsync(predicate, cts.Token);
    }

    private static async Task AssertNothingAcknowledgedIsMissingAsync(PersistenceStore store, WriteLoad load)
    {
        foreach (var (pid, acked) in load.Acknowledged)
        {
            var seq = 0L;
            await foreach (var e in store.Journal.ReplayAsync(pid, 1, long.MaxValue, long.MaxValue))
            {
                Assert.Equal(++seq, e.SequenceNr);
                Assert.Equal(pid + "#" + seq, ((StringValue)e.Event).Value);
            }

            Assert.True(seq >= acked, $"{pid}: acknowledged {acked}, stored {seq}");
        }
    }

    [Fact]
    public async Task Stop_retry_exit_stops_serving_while_reconnecting_and_recovers_when_the_server_returns()
    {
        await using var store = await PersistenceStore.StartAsync(Options(new ReconnectSettings(100, TimeSpan.FromMilliseconds(200), OnFailAction.StopRetryExit, RetryOnStartup: false)));
        var recorder = new HealthRecorder();
        using var subscription = store.Health.Subscribe(recorder);
        var load = new WriteLoad(store.Journal, writers: 20, prefix: "load-");
        try
        {
            await load.WaitForAcksAsync(200, Patience);
            await Server.StopAsync();
            var reconnecting = await WaitForAsync(store, h => h.Status == DatabaseStatus.Reconnecting);
            Assert.False(reconnecting.ServeClients);
            Assert.False(reconnecting.ShouldExit);
            await Task.Delay(100);
            var failuresSoFar = load.Failures;
            var acksSoFar = load.Acks;
            await Task.Delay(600);
            Assert.True(load.Failures > failuresSoFar, "writes during the outage must fail, not hang");
            Assert.Equal(acksSoFar, load.Acks);
            await Server.StartAsync();
            var connected = await WaitForAsync(store, h => h.Status == DatabaseStatus.Connected);
            Assert.True(connected.ServeClients);
            await load.WaitForAcksAsync(load.Acks + 200, Patience);
        }
        finally
        {
            await load.DisposeAsync();
        }

        Assert.DoesNotContain(recorder.Seen, h => h.ShouldExit);
        await AssertNothingAcknowledgedIsMissingAsync(store, load);
    }

    [Fact]
    public async Task Serve_retry_exit_keeps_serving_while_reconnecting_then_asks_to_exit()
    {
        await using var store = await PersistenceStore.StartAsync(Options(new ReconnectSettings(3, TimeSpan.FromMilliseconds(100), OnFailAction.ServeRetryExit, RetryOnStartup: false)));
        var recorder = new HealthRecorder();
        using var subscription = store.Health.Subscribe(recorder);
        await store.Journal.WriteAsync(new AtomicWrite("p", 1, new StringValue { Value = "before" }));
        await Server.StopAsync();
        await Assert.ThrowsAsync<JournalWriteFailedException>(() => store.Journal.WriteAsync(new AtomicWrite("p", 2, new StringValue { Value = "during" })));
        var failed = await WaitForAsync(store, h => h.Status == DatabaseStatus.Failed);
        Assert.True(failed.ShouldExit);
        Assert.False(failed.ServeClients);
        Assert.Equal(3, failed.ReconnectAttempt);
        var reconnecting = recorder.Seen.Where(h => h.Status == DatabaseStatus.Reconnecting).ToList();
        Assert.Equal([1, 2, 3], reconnecting.Select(h => h.ReconnectAttempt));
        Assert.All(reconnecting, h => Assert.True(h.ServeClients));
        var refused = await Assert.ThrowsAsync<JournalWriteFailedException>(() => store.Journal.WriteAsync(new AtomicWrite("p", 2, new StringValue { Value = "after" })));
        Assert.Contains("unavailable (Failed)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_retry_continue_keeps_serving_after_the_retries_and_a_later_write_reconnects()
    {
        await using var store = await PersistenceStore.StartAsync(Options(new ReconnectSettings(2, TimeSpan.FromMilliseconds(100), OnFailAction.ServeRetryContinue, RetryOnStartup: false)));
        await Server.StopAsync();
        await Assert.ThrowsAsync<JournalWriteFailedException>(() => store.Journal.WriteAsync(new AtomicWrite("p", 1, new StringValue { Value = "during" })));
        var lost = await WaitForAsync(store, h => h.Status == DatabaseStatus.LostServing);
        Assert.True(lost.ServeClients);
        Assert.False(lost.ShouldExit);
        await Server.StartAsync();
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            try
            {
                await store.Journal.WriteAsync(new AtomicWrite("p", 1, new StringValue { Value = "p#1" }), cts.Token);
                break;
            }
            catch (JournalWriteFailedException)
            {
                await Task.Delay(100, cts.Token);
            }
        }

        Assert.Equal(DatabaseStatus.Connected, store.Health.Current.Status);
        Assert.Equal(1, await store.Journal.ReadHighestSequenceNrAsync("p"));
    }

    [Fact]
    public async Task Kea_defaults_ask_to_exit_at_the_first_loss_without_retrying()
    {
        await using var store = await PersistenceStore.StartAsync(Options(ReconnectSettings.KeaDefaults));
        var recorder = new HealthRecorder();
        using var subscription = store.Health.Subscribe(recorder);
        await Server.StopAsync();
        await Assert.ThrowsAsync<JournalWriteFailedException>(() => store.Journal.WriteAsync(new AtomicWrite("p", 1, new StringValue { Value = "during" })));
        var failed = await WaitForAsync(store, h => h.Status == DatabaseStatus.Failed);
        Assert.True(failed.ShouldExit);
        Assert.DoesNotContain(recorder.Seen, h => h.Status == DatabaseStatus.Reconnecting);
    }

    [Fact]
    public async Task Retry_on_startup_decides_between_failing_the_start_and_connecting_later()
    {
        await Server.StopAsync();
        var refused = await Assert.ThrowsAsync<DatabaseUnavailableException>(() =>
            PersistenceStore.StartAsync(Options(new ReconnectSettings(50, TimeSpan.FromMilliseconds(100), OnFailAction.StopRetryExit, RetryOnStartup: false))));
        Assert.Contains("postgresql", refused.Message, StringComparison.Ordinal);
        await using var store = await PersistenceStore.StartAsync(Options(new ReconnectSettings(100, TimeSpan.FromMilliseconds(100), OnFailAction.StopRetryExit, RetryOnStartup: true)));
        var waiting = await WaitForAsync(store, h => h.Status == DatabaseStatus.Reconnecting);
        Assert.False(waiting.ServeClients);
        await Assert.ThrowsAsync<JournalWriteFailedException>(() => store.Journal.WriteAsync(new AtomicWrite("p", 1, new StringValue { Value = "too early" })));
        await Server.StartAsync();
        await WaitForAsync(store, h => h.Status == DatabaseStatus.Connected);
        await store.Journal.WriteAsync(new AtomicWrite("p", 1, new StringValue { Value = "p#1" }));
        Assert.Equal(1, await store.Journal.ReadHighestSequenceNrAsync("p"));
    }
}
