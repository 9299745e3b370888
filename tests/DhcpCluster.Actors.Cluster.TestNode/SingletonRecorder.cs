using Npgsql;

namespace DhcpCluster.Actors.Cluster.TestNode;

/// <summary>
/// The singleton of the namespace tests: records its start, a heartbeat every 100 ms and its stop in table
/// <c>singleton_intervals</c> (PostgreSQL), so the test can check that no two instances ever ran at once.
/// Answers "where" with its node's host:port.
/// </summary>
public sealed class SingletonRecorder : ReceiveActor, IWithTimers
{
    private readonly NpgsqlDataSource _db;
    private readonly string _node;
    private long _id;

    public SingletonRecorder(NpgsqlDataSource db, string node)
    {
        _db = db;
        _node = node;
        Receive<string>(m => string.Equals(m, "where", StringComparison.Ordinal), _ => Sender.Tell(_node, Self));
        ReceiveAsync<Beat>(async _ =>
        {
            var command = _db.CreateCommand("UPDATE singleton_intervals SET last_seen = clock_timestamp() WHERE id = $1");
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue(_id);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static async Task CreateTableAsync(NpgsqlDataSource db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var command = db.CreateCommand("CREATE TABLE IF NOT EXISTS singleton_intervals (id bigserial PRIMARY KEY, node text NOT NULL, started timestamptz NOT NULL, last_seen timestamptz NOT NULL, stopped timestamptz)");
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    protected override void PreStart()
    {
        // Test code: the start must be on record before the instance does anything, so this waits for the insert.
        using var command = _db.CreateCommand("INSERT INTO singleton_intervals (node, started, last_seen) VALUES ($1, clock_timestamp(), clock_timestamp()) RETURNING id");
        command.Parameters.AddWithValue(_node);
        _id = (long)command.ExecuteScalar()!;
        Output.Line($"SINGLETON_STARTED node={_node} id={_id}");
        Timers.StartPeriodicTimer("beat", new Beat(), TimeSpan.FromMilliseconds(100));
    }

    protected override void PostStop()
    {
        // Test code: the stop must be on record before the manager hands over (which follows this PostStop).
        using var command = _db.CreateCommand("UPDATE singleton_intervals SET stopped = clock_timestamp() WHERE id = $1");
        command.Parameters.AddWithValue(_id);
        command.ExecuteNonQuery();
        Output.Line($"SINGLETON_STOPPED node={_node} id={_id}");
    }

    private sealed record Beat;
}
