namespace DhcpCluster.Actors;

/// <summary>Resolves paths of this system's actors.</summary>
public sealed class LocalActorRefProvider : IActorRefProvider
{
    private readonly ActorSystemImpl _system;

    internal LocalActorRefProvider(ActorSystemImpl system, Address address)
    {
        _system = system;
        DefaultAddress = address;
        RootPath = ActorPath.CreateRoot(address);
    }

    /// <inheritdoc/>
    public Address DefaultAddress { get; }

    /// <inheritdoc/>
    public ActorPath RootPath { get; }

    /// <inheritdoc/>
    public IActorRef DeadLetters => _system.DeadLetters;

    /// <inheritdoc/>
    public bool HasAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Equals(DefaultAddress)
            || (address.Host is null && string.Equals(address.System, DefaultAddress.System, StringComparison.Ordinal) && string.Equals(address.Protocol, DefaultAddress.Protocol, StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public IActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!HasAddress(path.Address))
        {
            return new EmptyLocalActorRef(_system, path);
        }

        return ResolveLocal(path) ?? new EmptyLocalActorRef(_system, path);
    }

    /// <summary>Finds a live local actor by path (uid must match when the path carries one), or null.</summary>
    public IActorRef? ResolveLocal(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var elements = path.Elements;
        if (elements.Count == 0)
        {
            return _system.RootGuardian;
        }

        if (elements.Count == 1 && string.Equals(elements[0], "deadLetters", StringComparison.Ordinal))
        {
            return _system.DeadLetters;
        }

        if (elements.Count == 2 && string.Equals(elements[0], "temp", StringComparison.Ordinal))
        {
            return _system.TempContainer.Find(elements[1]);
        }

        IActorRef? current = _system.RootGuardian;
        foreach (var name in elements)
        {
            current = (current as InternalActorRef)?.GetChild(name);
            if (current is null)
            {
                return null;
            }
        }

        return path.Uid != 0 && current!.Path.Uid != path.Uid ? null : current;
    }
}
