namespace DhcpCluster.Server.Clients;

/// <summary>
/// Delivers a received client message to the one actor of that client. Today a local registry; with the cluster,
/// the sharding region (the same message, keyed by <see cref="ClientProtocol.InboundPacket.Key"/>).
/// </summary>
public interface IClientRouter
{
    /// <summary>Delivers the message to its client's actor (creating it when needed). Thread-safe.</summary>
    void Route(ClientProtocol.InboundPacket packet);
}
