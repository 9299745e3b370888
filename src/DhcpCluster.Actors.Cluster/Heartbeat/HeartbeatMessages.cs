namespace DhcpCluster.Actors.Cluster;

/// <summary>Messages of the failure detector's heartbeats.</summary>
public static class HeartbeatMessages
{
    /// <summary>A heartbeat from a monitoring node.</summary>
    public sealed record Heartbeat(Address From, long Sequence, long CreationUtcTicks);

    /// <summary>The monitored node's answer (its incarnation, so a restarted node is not mistaken for the old one).</summary>
    public sealed record HeartbeatRsp(UniqueAddress From, long Sequence, long CreationUtcTicks);

    /// <summary>The current members (from the core daemon): the sender picks whom to monitor.</summary>
    public sealed record MembersChanged(IReadOnlyList<UniqueAddress> Members);

    internal sealed record HeartbeatTick;

    internal sealed record CheckTick;
}
