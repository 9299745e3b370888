namespace DhcpCluster.Actors;

/// <summary>
/// Stash support: the cell is its actor's <see cref="IStash"/> (a stash object per actor cost ~32 B for its life);
/// stashed envelopes live in the cell's extras so they survive restarts, and unstashed ones go to the front of the mailbox.
/// </summary>
internal sealed partial class ActorCell : IStash
{
    int IStash.Count => _extras?.Stash?.Count ?? 0;

    void IStash.Stash()
    {
        var message = CurrentMessage ?? throw new ActorUsageException("Stash() can only be called while handling a message.");
        var extras = Extras;
        if (extras.LastStashedInvocation == _invocation)
        {
            throw new ActorUsageException($"Can't stash the same message {message} twice.");
        }

        extras.LastStashedInvocation = _invocation;
        (extras.Stash ??= []).AddLast(new Envelope(message, CurrentSenderOrNull, CurrentCreatedUtcTicks));
    }

    void IStash.Unstash()
    {
        var store = _extras?.Stash;
        if (store is null || store.Count == 0)
        {
            return;
        }

        var envelope = store.First!.Value;
        store.RemoveFirst();
        envelope.Next = null;
        Prepend(envelope, envelope);
    }

    void IStash.UnstashAll() => UnstashAllInternal();

    void IStash.UnstashAll(Func<object, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        UnstashAllInternal(predicate);
    }

    IReadOnlyList<object> IStash.ClearStash()
    {
        var store = _extras?.Stash;
        if (store is null)
        {
            return [];
        }

        var result = new List<object>(store.Count);
        foreach (var envelope in store)
        {
            result.Add(envelope.Message!);
        }

        store.Clear();
        return result;
    }

    internal void UnstashAllInternal(Func<object, bool>? predicate = null)
    {
        var store = _extras?.Stash;
        if (store is null || store.Count == 0)
        {
            return;
        }

        Envelope? first = null;
        Envelope? last = null;
        var node = store.First;
        while (node is not null)
        {
            var next = node.Next;
            var envelope = node.Value;
            if (predicate is null || predicate(envelope.Message!))
            {
                store.Remove(node);
                envelope.Next = null;
                if (first is null)
                {
                    first = envelope;
                }
                else
                {
                    last!.Next = envelope;
                }

                last = envelope;
            }

            node = next;
        }

        if (first is not null)
        {
            Prepend(first, last!);
        }
    }
}
