namespace DhcpCluster.Actors.Cluster;

/// <summary>Answers heartbeats with this node's incarnation.</summary>
public sealed class ClusterHeartbeatReceiver : ReceiveActor
{
    /// <summary>Creates the receiver for this node's incarnation.</summary>
    public ClusterHeartbeatReceiver(UniqueAddress self) =>
        Receive<HeartbeatMessages.Heartbeat>(h => Sender.Tell(new HeartbeatMessages.HeartbeatRsp(self, h.Sequence, h.CreationUtcTicks), Self));
}
