namespace DhcpCluster.Actors.Remote;

/// <summary>Resolves paths of this node through the local provider and paths of other nodes to <see cref="RemoteActorRef"/>s.</summary>
public sealed class RemoteActorRefProvider : IActorRefProvider
{
    private readonly LocalActorRefProvider _local;

    internal RemoteActorRefProvider(LocalActorRefProvider local, RemoteTransport transport)
    {
        _local = local;
        Transport = transport;
    }

    /// <summary>The node's transport.</summary>
    public RemoteTransport Transport { get; }

    /// <inheritdoc/>
    public Address DefaultAddress => _local.DefaultAddress;

    /// <inheritdoc/>
    public ActorPath RootPath => _local.RootPath;

    /// <inheritdoc/>
    public IActorRef DeadLetters => _local.DeadLetters;

    /// <inheritdoc/>
    public bool HasAddress(Address address) => _local.HasAddress(address);

    /// <inheritdoc/>
    public IActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _local.HasAddress(path.Address) ? _local.ResolveActorRef(path) : new RemoteActorRef(Transport, path);
    }
}
