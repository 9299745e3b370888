namespace DhcpCluster.Actors;

/// <summary>
/// Actors selected by a path from an anchor: names, <c>..</c>, and wildcards <c>*</c>/<c>?</c>.
/// Messages go to every actor matching at the time of sending; to a remote anchor the selection travels
/// as an <see cref="ActorSelectionMessage"/> and is resolved there.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    internal ActorSelection(IActorRef anchor, IReadOnlyList<string> elements)
    {
        Anchor = anchor;
        Elements = elements;
    }

    /// <summary>Where the path starts.</summary>
    public IActorRef Anchor { get; }

    /// <summary>The path elements below the anchor.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>The selection as a path string.</summary>
    public string PathString => Anchor.Path + string.Join('/', Elements);

    /// <inheritdoc/>
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Anchor is LocalActorRef local)
        {
            local.Cell.SystemImpl.DeliverSelection(local.Cell, new ActorSelectionMessage(message, Elements), sender);
        }
        else
        {
            Anchor.Tell(new ActorSelectionMessage(message, Elements), sender);
        }
    }

    /// <summary>Resolves to one actor (the first match).</summary>
    /// <exception cref="ActorNotFoundException">When no actor matches within the timeout.</exception>
    public async Task<IActorRef> ResolveOne(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (Anchor is LocalActorRef local)
        {
            var found = local.Cell.SystemImpl.ResolveSelection(local, Elements);
            return found.Count > 0 ? found[0] : throw new ActorNotFoundException($"No actor found for selection {this}.");
        }

        ActorIdentity identity;
        try
        {
            identity = await this.Ask<ActorIdentity>(new Identify(null), timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new ActorNotFoundException($"No actor found for selection {this}: {e.Message}", e);
        }

        return identity.Subject ?? throw new ActorNotFoundException($"No actor found for selection {this}.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"ActorSelection[Anchor({Anchor.Path}), Path(/{string.Join('/', Elements)})]";
}
