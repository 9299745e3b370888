using System.Data;
using System.Diagnostics;
using System.Globalization;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>
/// The highest ordering below which every row is either visible or known never to come. On SQLite that is
/// simply the maximum. On PostgreSQL, ordering values are drawn when rows are inserted, so a transaction
/// that commits late leaves a temporary gap: queries stop at the first gap and wait for it to fill, and a
/// gap older than ordering-gap-timeout (a rolled-back transaction) is skipped.
/// </summary>
internal sealed class OrderingWatermark(SqlDialect dialect)
{
    private const int ScanLimit = 10_000;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _safe;
    private long _gapAt = -1;
    private long _gapSeenAt;

    public async Task<long> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using var commandScope = command.ConfigureAwait(false);
            if (dialect.OrderingVisibleInOrder)
            {
                command.CommandText = dialect.MaxOrderingSql;
                _safe = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                return _safe;
            }

            command.CommandText = dialect.OrderingScanSql;
            var after = SqlDialect.AddParameter(command, "@after", _safe, DbType.Int64);
            SqlDialect.AddParameter(command, "@max", ScanLimit, DbType.Int32);
            var more = true;
            while (more)
            {
                more = false;
                after.Value = _safe;
                var rows = 0;
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows++;
                    var ordering = reader.GetInt64(0);
                    if (ordering != _safe + 1 && !GapExpired(_safe + 1))
                    {
                        break;
                    }

                    _safe = ordering;
                    _gapAt = -1;
                    more = rows == ScanLimit;
                }
            }

            return _safe;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool GapExpired(long missing)
    {
        var now = Stopwatch.GetTimestamp();
        if (_gapAt != missing)
        {
            _gapAt = missing;
            _gapSeenAt = now;
        }

        return Stopwatch.GetElapsedTime(_gapSeenAt, now) >= dialect.Options.OrderingGapTimeout;
    }
}
