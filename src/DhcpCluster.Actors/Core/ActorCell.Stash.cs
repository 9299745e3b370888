namespace DhcpCluster.Actors;

/// <summary>Stash support: unstashed messages go to the front of the mailbox.</summary>
internal sealed partial class ActorCell
{
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
