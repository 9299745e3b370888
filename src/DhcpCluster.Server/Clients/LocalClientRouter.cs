using DhcpCluster.Actors;

namespace DhcpCluster.Server.Clients;

/// <summary>Routes client messages to the node's <see cref="ClientRegistryActor"/>.</summary>
public sealed class LocalClientRouter : IClientRouter
{
    private readonly IActorRef registry;

    /// <summary>Creates the router over a registry actor.</summary>
    public LocalClientRouter(IActorRef registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        this.registry = registry;
    }

    /// <inheritdoc />
    public void Route(ClientProtocol.InboundPacket packet) => registry.Tell(packet, ActorRefs.NoSender);
}
