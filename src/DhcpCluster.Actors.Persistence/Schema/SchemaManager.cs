using System.Data;
using System.Globalization;
using DhcpCluster.Actors.Persistence.Sql;

namespace DhcpCluster.Actors.Persistence.Schema;

/// <summary>
/// Creates, reports and upgrades the journal schema (the role of <c>kea-admin db-init|db-version|db-upgrade</c>;
/// it backs <c>dhcp-node db init|version|upgrade</c>). Each version's changes run in one transaction and are
/// recorded in the schema version table.
/// </summary>
public sealed class SchemaManager : IAsyncDisposable
{
    /// <summary>The command an operator runs to bring an old schema up to date.</summary>
    public const string UpgradeCommand = "dhcp-node db upgrade";

    /// <summary>The command that creates the schema.</summary>
    public const string InitCommand = "dhcp-node db init";

    private readonly SqlDialect _dialect;
    private readonly bool _ownsDialect;

    /// <summary>Creates a manager for the database the options name.</summary>
    public SchemaManager(PersistenceStoreOptions options)
        : this(SqlDialects.Create(options), ownsDialect: true)
    {
    }

    internal SchemaManager(SqlDialect dialect, bool ownsDialect)
    {
        _dialect = dialect;
        _ownsDialect = ownsDialect;
    }

    /// <summary>The version this program writes and reads.</summary>
    public static int CurrentVersion => SqlDialect.CurrentSchemaVersion;

    /// <summary>Reports the installed and the current version.</summary>
    public async Task<SchemaVersionInfo> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return new SchemaVersionInfo(await ReadVersionAsync(connection, transaction: null, cancellationToken).ConfigureAwait(false), CurrentVersion);
    }

    /// <summary>Creates the schema at <paramref name="version"/> (default: current) in an empty database.</summary>
    /// <exception cref="SchemaVersionException">A schema is already installed.</exception>
    public async Task InitializeAsync(int? version = null, CancellationToken cancellationToken = default)
    {
        var target = version ?? CurrentVersion;
        if (target < 1 || target > CurrentVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(version), $"Schema versions run from 1 to {CurrentVersion}.");
        }

        await MigrateAsync(target, requireEmpty: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upgrades an installed schema to the current version (nothing to do when already current).</summary>
    /// <returns>The version before the upgrade.</returns>
    /// <exception cref="SchemaVersionException">No schema is installed, or it is newer than this program.</exception>
    public Task<int> UpgradeAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(CurrentVersion, requireEmpty: false, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDialect)
        {
            await _dialect.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Checks the installed version at start: creates a missing schema when allowed, refuses any other mismatch.</summary>
    internal async Task VerifyAsync(bool autoInitialize, CancellationToken cancellationToken)
    {
        var info = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
        if (info.Installed is null && autoInitialize)
        {
            await MigrateAsync(CurrentVersion, requireEmpty: false, cancellationToken, createOnly: true).ConfigureAwait(false);
            return;
        }

        if (info.Installed is null)
        {
            throw new SchemaVersionException(null, CurrentVersion, $"The {_dialect.ProviderName} journal database has no schema; run `{InitCommand}` (or enable auto-initialize).");
        }

        if (info.Installed < CurrentVersion)
        {
            throw new SchemaVersionException(info.Installed, CurrentVersion, $"The {_dialect.ProviderName} journal schema is version {info.Installed}, older than version {CurrentVersion} this node needs; run `{UpgradeCommand}`.");
        }

        if (info.Installed > CurrentVersion)
        {
            throw new SchemaVersionException(info.Installed, CurrentVersion, $"The {_dialect.ProviderName} journal schema is version {info.Installed}, newer than version {CurrentVersion} this node understands; run a newer node.");
        }
    }

    /// <summary>Creates the declared read-model tables and indexes that do not exist yet.</summary>
    internal async Task EnsureReadModelTablesAsync(CancellationToken cancellationToken)
    {
        if (_dialect.Options.ReadModelTables.Count == 0)
        {
            return;
        }

        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);

        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        await _dialect.LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var table in _dialect.Options.ReadModelTables)
        {
            foreach (var statement in _dialect.ReadModelDdl(table))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> MigrateAsync(int target, bool requireEmpty, CancellationToken cancellationToken, bool createOnly = false)
    {
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        await _dialect.LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var installed = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (createOnly && installed is not null)
        {
            // another process initialized it meanwhile
            return installed.Value;
        }

        if (requireEmpty && installed is not null)
        {
            throw new SchemaVersionException(installed, CurrentVersion, $"The journal database already has schema version {installed}; use `{UpgradeCommand}` to upgrade it.");
        }

        if (!requireEmpty && !createOnly && installed is null)
        {
            throw new SchemaVersionException(null, CurrentVersion, $"The journal database has no schema to upgrade; run `{InitCommand}`.");
        }

        var from = installed ?? 0;
        if (from > CurrentVersion)
        {
            throw new SchemaVersionException(installed, CurrentVersion, $"The journal schema is version {from}, newer than version {CurrentVersion} this program understands.");
        }

        for (var version = from; version < target; version++)
        {
            foreach (var statement in _dialect.MigrationStatements(version))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            var record = connection.CreateCommand();

            await using var recordScope = record.ConfigureAwait(false);
            record.Transaction = transaction;
            record.CommandText = _dialect.RecordVersionSql;
            SqlDialect.AddParameter(record, "@version", version + 1, DbType.Int32);
            SqlDialect.AddParameter(record, "@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), DbType.Int64);
            SqlDialect.AddParameter(record, "@description", SqlDialect.MigrationDescription(version + 1), DbType.String);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return from;
    }

    private async Task<int?> ReadVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (!await _dialect.TableExistsAsync(connection, _dialect.Options.SchemaVersionTable, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var command = connection.CreateCommand();

        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = _dialect.SchemaVersionSql;
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
