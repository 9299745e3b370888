using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Serialization;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>The journal: writes go through the group-commit writer, reads open their own connections.</summary>
internal sealed class SqlEventJournal(SqlDialect dialect, GroupCommitWriter writer, SerializerRegistry serializers, Guid writerId) : IEventJournal
{
    public Task WriteAsync(AtomicWrite write, CancellationToken cancellationToken = default)
    {
        var pending = Prepare(write, null, null);
        var completion = pending.Completion;
        var queued = writer.EnqueueAsync(pending, cancellationToken);
        return queued.IsCompletedSuccessfully ? completion : AwaitQueuedAsync(queued, pending);
    }

    /// <summary>
    /// Queues <paramref name="writes"/> as one group; <paramref name="callback"/> is called on the writer lane for each
    /// write, in order, with null or its error (used by persistent actors, whose callback only posts to the actor).
    /// </summary>
    internal ValueTask WriteGroupWithCallback(IReadOnlyList<AtomicWrite> writes, IReadOnlyList<object?> states, Action<PendingWrite, Exception?> callback, Dispatcher? callbackDispatcher = null)
    {
        var group = new WriteGroup();
        PendingWrite? head = null;
        PendingWrite? previous = null;
        for (var i = 0; i < writes.Count; i++)
        {
            var pending = Prepare(writes[i], callback, states[i], callbackDispatcher);
            pending.Group = group;
            head ??= pending;
            if (previous is not null)
            {
                previous.NextInGroup = pending;
            }

            previous = pending;
        }

        return writer.EnqueueAsync(head!, CancellationToken.None);
    }

    public async Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return [];
        }

        var group = new WriteGroup();
        var pending = new PendingWrite[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            pending[i] = Prepare(writes[i], null, null);
            _ = pending[i].Completion;
            pending[i].Group = group;
            if (i > 0)
            {
                pending[i - 1].NextInGroup = pending[i];
            }
        }

        await writer.EnqueueAsync(pending[0], cancellationToken).ConfigureAwait(false);
        var results = new Exception?[writes.Count];
        for (var i = 0; i < pending.Length; i++)
        {
            try
            {
                await pending[i].Completion.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JournalWriteRejectedException or JournalWriteFailedException)
            {
                results[i] = ex;
            }
        }

        return results;
    }

    private PendingWrite Prepare(AtomicWrite write, Action<PendingWrite, Exception?>? callback, object? state, Dispatcher? callbackDispatcher = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        var events = write.Events;
        var payloads = new SerializedPayload[events.Count];
        var tagTexts = new string?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            payloads[i] = serializers.Serialize(events[i].Event);
            tagTexts[i] = TagText(events[i].Tags);
        }

        var changes = write.ReadModelChanges;
        for (var c = 0; c < changes.Count; c++)
        {
            var change = changes[c]; // indexed: a foreach over the interface boxes an enumerator per write
            if (!dialect.ReadModels.TryGetValue(change.Table, out var statements))
            {
                throw new ArgumentException($"Read-model table '{change.Table}' is not declared in the store's options.", nameof(write));
            }

            statements.Table.CheckValues(change);
        }

        return new PendingWrite(write, payloads, tagTexts, writerId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) { Callback = callback, State = state, CompletionDispatcher = callbackDispatcher };
    }

    public async IAsyncEnumerable<PersistedEvent> ReplayAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        if (max <= 0 || toSequenceNr < fromSequenceNr)
        {
            yield break;
        }

        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);

        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = dialect.ReplaySql;
        SqlDialect.AddParameter(command, "@pid", persistenceId, DbType.String);
        SqlDialect.AddParameter(command, "@from", fromSequenceNr, DbType.Int64);
        SqlDialect.AddParameter(command, "@to", toSequenceNr, DbType.Int64);
        SqlDialect.AddParameter(command, "@max", max, DbType.Int64);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return EventRows.Read(reader, dialect, serializers);
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = dialect.HighestSequenceNrSql;
        SqlDialect.AddParameter(command, "@pid", persistenceId, DbType.String);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = dialect.DeleteMessagesSql;
        SqlDialect.AddParameter(command, "@pid", persistenceId, DbType.String);
        SqlDialect.AddParameter(command, "@to", toSequenceNr, DbType.Int64);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task AwaitQueuedAsync(ValueTask queued, PendingWrite pending)
    {
        await queued.ConfigureAwait(false);
        await pending.Completion.ConfigureAwait(false);
    }

    private static string? TagText(IReadOnlyList<string>? tags)
    {
        if (tags is null || tags.Count == 0)
        {
            return null;
        }

        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag) || tag.Contains(';', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Tag '{tag}' is invalid: tags are non-empty and contain no ';'.", nameof(tags));
            }
        }

        return tags.Count == 1 ? tags[0] : string.Join(';', tags);
    }
}
