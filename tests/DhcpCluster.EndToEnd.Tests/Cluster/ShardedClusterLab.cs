using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Databases;
using DhcpCluster.Lab.Processes;
using Npgsql;

namespace DhcpCluster.EndToEnd.Tests.Cluster;

/// <summary>
/// A <see cref="ClusterLab"/> whose nodes run the sharded workload of the test node: the event-sourced counter
/// (journal in a throw-away PostgreSQL reached through its unix socket) and the singleton that records its
/// start, heartbeats and stop. Reads the journal and the singleton intervals back for the assertions.
/// </summary>
internal sealed class ShardedClusterLab : IAsyncDisposable
{
    private const string ShardingConfig = """
        dhcp-cluster.cluster {
          down-removal-margin = 1s
          singleton.hand-over-retry-interval = 300ms
          sharding {
            number-of-shards = 30
            retry-interval = 300ms
            rebalance-interval = 1s
            handoff-timeout = 10s
            buffered-message-max-age = 0s
          }
        }
        """;

    private readonly PostgresServer _postgres;
    private readonly string _database;
    private readonly string _nodeConnectionString;

    private ShardedClusterLab(ClusterLab lab, PostgresServer postgres, string database, int nodes)
    {
        Lab = lab;
        _postgres = postgres;
        _database = database;

        // The server takes 200 connections: every node's pool together (and a restarted node's beside the old one's
        // until PostgreSQL notices it is gone) must stay below that, or a node's journal fails with "too many clients".
        _nodeConnectionString = new NpgsqlConnectionStringBuilder(postgres.OverUnixSocket(database)) { MaxPoolSize = Math.Min(50, 160 / (nodes + 1)) }.ConnectionString;
    }

    public ClusterLab Lab { get; }

    public static async Task<ShardedClusterLab> CreateAsync(int count)
    {
        var postgres = await PostgresServer.StartNewAsync().ConfigureAwait(false);
        try
        {
            var database = await postgres.CreateDatabaseAsync().ConfigureAwait(false);
            var lab = await ClusterLab.CreateAsync(count, "sh", labPrefix: "sd").ConfigureAwait(false);
            return new ShardedClusterLab(lab, postgres, database, count);
        }
        catch
        {
            await postgres.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static Regex Line(string pattern) => new(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>Starts a node with the workload; <paramref name="drive"/> increments from it; a leave file for a graceful leave.</summary>
    public async Task<LabProcess> StartAsync(int node, int drive = 0, string? leaveFile = null)
    {
        var args = new List<string> { "--postgres", _nodeConnectionString };
        if (drive > 0)
        {
            args.AddRange(["--drive", drive.ToString(CultureInfo.InvariantCulture), "--entities", "300"]);
        }

        if (leaveFile is not null)
        {
            args.AddRange(["--leave-file", leaveFile]);
        }

        var process = await Lab.StartAsync(node, extra: ShardingConfig, extraArgs: args, commandEndpoint: false).ConfigureAwait(false);
        await process.WaitForLineAsync(Line("WORKLOAD_STARTED"), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return process;
    }

    /// <summary>Waits until one of <paramref name="nodes"/> printed a line matching <paramref name="pattern"/>; returns that node.</summary>
    public async Task<int> AwaitLineOnAnyAsync(IReadOnlyList<int> nodes, Regex pattern, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(pattern);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var node in nodes)
            {
                if (Lab.Process(node).Lines.Any(pattern.IsMatch))
                {
                    return node;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"None of nodes {string.Join(',', nodes)} printed /{pattern}/ within {timeout}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the driver on <paramref name="node"/> has at least <paramref name="acked"/> acknowledged increments.</summary>
    public async Task AwaitAckedAsync(int node, int acked, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Acked(node) < acked)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"The driver on node {node} acknowledged only {Acked(node)} of {acked} increments within {timeout}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    public async Task<(int Acked, int Failures)> AwaitDriveDoneAsync(int node, TimeSpan timeout)
    {
        var match = await Lab.Process(node).WaitForLineAsync(Line(@"DRIVE_DONE acked=(?<acked>\d+) failures=(?<failures>\d+)"), timeout).ConfigureAwait(false);
        return (int.Parse(match.Groups["acked"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["failures"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Counter events in the journal, and how many distinct request ids they carry.</summary>
    public async Task<(long Events, long Distinct)> JournalAsync()
    {
        var connection = new NpgsqlConnection(_database);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT payload) FROM journal WHERE persistence_id LIKE 'counter-%' AND NOT deleted", connection);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync().ConfigureAwait(false);
                    return (reader.GetInt64(0), reader.GetInt64(1));
                }
            }
        }
    }

    /// <summary>Every singleton instance: node, start, and end (its stop, or its last heartbeat plus one heartbeat period when it was killed).</summary>
    public async Task<IReadOnlyList<(string Node, DateTime Start, DateTime End)>> SingletonIntervalsAsync()
    {
        var intervals = new List<(string, DateTime, DateTime)>();
        var connection = new NpgsqlConnection(_database);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT node, started, coalesce(stopped, last_seen + interval '150 milliseconds') FROM singleton_intervals ORDER BY started", connection);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync().ConfigureAwait(false))
                    {
                        intervals.Add((reader.GetString(0), reader.GetDateTime(1), reader.GetDateTime(2)));
                    }
                }
            }
        }

        return intervals;
    }

    /// <summary>Asserts that no two singleton instances overlap in time, and returns the intervals.</summary>
    public async Task<IReadOnlyList<(string Node, DateTime Start, DateTime End)>> AssertSingletonNeverOverlapsAsync()
    {
        var intervals = await SingletonIntervalsAsync().ConfigureAwait(false);
        for (var i = 1; i < intervals.Count; i++)
        {
            Assert.True(
                intervals[i].Start >= intervals[i - 1].End,
                $"instance on {intervals[i].Node} started at {intervals[i].Start:HH:mm:ss.fff} while the one on {intervals[i - 1].Node} ran until {intervals[i - 1].End:HH:mm:ss.fff}");
        }

        return intervals;
    }

    /// <summary>A failure of a scenario with the last lines each node printed.</summary>
    public Xunit.Sdk.XunitException Failure(Exception cause, int nodes)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var outputs = Enumerable.Range(0, nodes).Select(n =>
        {
            try
            {
                var lines = Lab.Process(n).Lines;
                var last = $"--- node {n} ---\n" + string.Join('\n', lines.TakeLast(40));

                // A shutdown that timed out lists the actors still alive: the whole list, however long the tail is.
                var stuck = lines.ToList().FindLastIndex(l => l.Contains("actors still alive", StringComparison.Ordinal));
                return stuck < 0 ? last : $"--- node {n}: stuck shutdown ---\n" + string.Join('\n', lines.Skip(stuck).Take(200)) + "\n" + last;
            }
            catch (InvalidOperationException)
            {
                return $"--- node {n}: not started ---";
            }
        });
        return new Xunit.Sdk.XunitException(cause.Message + "\n" + string.Join('\n', outputs), cause);
    }

    public async ValueTask DisposeAsync()
    {
        await Lab.DisposeAsync().ConfigureAwait(false);
        await _postgres.DisposeAsync().ConfigureAwait(false);
    }

    private int Acked(int node)
    {
        var last = Lab.Process(node).Lines.LastOrDefault(l => l.Contains("DRIVE_", StringComparison.Ordinal));
        var match = last is null ? null : Regex.Match(last, @"acked=(?<acked>\d+)", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match is { Success: true } ? int.Parse(match.Groups["acked"].Value, CultureInfo.InvariantCulture) : 0;
    }
}
