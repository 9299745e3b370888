using System.Data;
using System.Runtime.CompilerServices;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Queries;
using DhcpCluster.Actors.Persistence.Serialization;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>Paged queries bounded by the <see cref="OrderingWatermark"/>; live queries wait for this process's commits or the refresh interval.</summary>
internal sealed class SqlEventQueries(SqlDialect dialect, SerializerRegistry serializers, OrderingWatermark watermark, CommitSignal commits) : IEventQueries
{
    public IAsyncEnumerable<PersistedEvent> CurrentEventsByTag(string tag, long afterOrdering = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return ReadAsync(tag, afterOrdering, live: false, cancellationToken);
    }

    public IAsyncEnumerable<PersistedEvent> EventsByTag(string tag, long afterOrdering = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        return ReadAsync(tag, afterOrdering, live: true, cancellationToken);
    }

    public IAsyncEnumerable<PersistedEvent> CurrentAllEvents(long afterOrdering = 0, CancellationToken cancellationToken = default) =>
        ReadAsync(tag: null, afterOrdering, live: false, cancellationToken);

    public IAsyncEnumerable<PersistedEvent> AllEvents(long afterOrdering = 0, CancellationToken cancellationToken = default) =>
        ReadAsync(tag: null, afterOrdering, live: true, cancellationToken);

    public async IAsyncEnumerable<string> CurrentPersistenceIds([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = dialect.PersistenceIdsSql;
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
        }
    }

    private async IAsyncEnumerable<PersistedEvent> ReadAsync(string? tag, long afterOrdering, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = afterOrdering;
        var pageSize = dialect.Options.QueryPageSize;
        while (true)
        {
            var wakeUp = commits.Next;
            var upTo = await watermark.RefreshAsync(cancellationToken).ConfigureAwait(false);
            while (cursor < upTo)
            {
                var page = await ReadPageAsync(tag, cursor, upTo, pageSize, cancellationToken).ConfigureAwait(false);
                foreach (var item in page)
                {
                    yield return item;
                }

                // A short page means everything up to the watermark has been read.
                cursor = page.Count < pageSize ? upTo : page[^1].Ordering;
            }

            if (!live)
            {
                yield break;
            }

            await Task.WhenAny(wakeUp, Task.Delay(dialect.Options.QueryRefreshInterval, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<List<PersistedEvent>> ReadPageAsync(string? tag, long after, long upTo, int pageSize, CancellationToken cancellationToken)
    {
        var page = new List<PersistedEvent>();
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = tag is null ? dialect.AllEventsSql : dialect.EventsByTagSql;
        if (tag is not null)
        {
            SqlDialect.AddParameter(command, "@tag", tag, DbType.String);
        }

        SqlDialect.AddParameter(command, "@after", after, DbType.Int64);
        SqlDialect.AddParameter(command, "@upto", upTo, DbType.Int64);
        SqlDialect.AddParameter(command, "@max", pageSize, DbType.Int32);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add(EventRows.Read(reader, dialect, serializers));
        }

        return page;
    }
}
