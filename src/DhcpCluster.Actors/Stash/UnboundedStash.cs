namespace DhcpCluster.Actors;

/// <summary>The stash of one actor; the stashed envelopes live in the cell so they survive restarts.</summary>
internal sealed class UnboundedStash : IStash
{
    private readonly ActorCell _cell;
    private long _lastStashedInvocation = -1;

    public UnboundedStash(ActorCell cell) => _cell = cell;

    private LinkedList<Envelope> Store => _cell.Extras.Stash ??= new LinkedList<Envelope>();

    public int Count => _cell.Extras.Stash?.Count ?? 0;

    public void Stash()
    {
        var message = _cell.CurrentMessage ?? throw new ActorUsageException("Stash() can only be called while handling a message.");
        if (_lastStashedInvocation == _cell.Invocation)
        {
            throw new ActorUsageException($"Can't stash the same message {message} twice.");
        }

        _lastStashedInvocation = _cell.Invocation;
        Store.AddLast(new Envelope(message, _cell.CurrentSenderOrNull, _cell.CurrentCreatedUtcTicks));
    }

    public void Unstash()
    {
        var store = _cell.Extras.Stash;
        if (store is null || store.Count == 0)
        {
            return;
        }

        var envelope = store.First!.Value;
        store.RemoveFirst();
        envelope.Next = null;
        _cell.Prepend(envelope, envelope);
    }

    public void UnstashAll() => _cell.UnstashAllInternal();

    public void UnstashAll(Func<object, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        _cell.UnstashAllInternal(predicate);
    }

    public IReadOnlyList<object> ClearStash()
    {
        var store = _cell.Extras.Stash;
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
}
