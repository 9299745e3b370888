using Npgsql;

namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// A lease held in PostgreSQL: one row per lease name with its owner and expiry. Acquiring succeeds when the
/// row is free, expired, or already ours; the database's clock decides expiry, so node clocks do not matter.
/// </summary>
public sealed class PostgreSqlLease
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS dhcp_cluster_leases (name text PRIMARY KEY, owner text NOT NULL, expires_at timestamptz NOT NULL)";

    private const string Acquire =
        "INSERT INTO dhcp_cluster_leases (name, owner, expires_at) VALUES (@name, @owner, now() + @ttl) "
        + "ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at "
        + "WHERE dhcp_cluster_leases.owner = EXCLUDED.owner OR dhcp_cluster_leases.expires_at < now() RETURNING owner";

    private readonly string _connectionString;

    /// <summary>Creates the lease.</summary>
    public PostgreSqlLease(string connectionString, string name, string owner, TimeSpan releaseAfter)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        _connectionString = connectionString;
        Name = name;
        Owner = owner;
        ReleaseAfter = releaseAfter;
    }

    /// <summary>The lease name.</summary>
    public string Name { get; }

    /// <summary>Who acquires it (this node's unique address).</summary>
    public string Owner { get; }

    /// <summary>How long an acquisition holds.</summary>
    public TimeSpan ReleaseAfter { get; }

    /// <summary>Tries to acquire (or renew) the lease; false when another owner holds an unexpired lease.</summary>
    /// <exception cref="NpgsqlException">When the database cannot be reached.</exception>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var create = new NpgsqlCommand(CreateTable, connection);
            await using (create.ConfigureAwait(false))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var acquire = new NpgsqlCommand(Acquire, connection);
            await using (acquire.ConfigureAwait(false))
            {
                acquire.Parameters.AddWithValue("name", Name);
                acquire.Parameters.AddWithValue("owner", Owner);
                acquire.Parameters.AddWithValue("ttl", ReleaseAfter);
                var result = await acquire.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return result is string owner && string.Equals(owner, Owner, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The current holder and expiry, or null when nobody ever took it.</summary>
    public async Task<(string Owner, DateTime ExpiresAt)?> ReadAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var create = new NpgsqlCommand(CreateTable, connection);
            await using (create.ConfigureAwait(false))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var read = new NpgsqlCommand("SELECT owner, expires_at FROM dhcp_cluster_leases WHERE name = @name", connection);
            await using (read.ConfigureAwait(false))
            {
                read.Parameters.AddWithValue("name", Name);
                var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), reader.GetDateTime(1)) : null;
                }
            }
        }
    }
}
