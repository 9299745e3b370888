namespace DhcpCluster.Actors.Remote;

/// <summary>What remoting publishes on the system's event stream.</summary>
public static class RemotingEvents
{
    /// <summary>A connection failed the handshake (wrong secret, wrong address, timeout, refused): it was dropped and nothing it sent was delivered.</summary>
    public sealed record HandshakeFailed(string Remote, bool Inbound, string Reason);

    /// <summary>An outbound association completed its handshake with a node incarnation.</summary>
    public sealed record AssociationEstablished(Address Remote, long RemoteUid);

    /// <summary>An incarnation of a node was quarantined: it can never talk to this node again.</summary>
    public sealed record Quarantined(Address Remote, long Uid, string Reason);

    /// <summary>Another node told this node that it quarantined this incarnation: this node must restart to rejoin.</summary>
    public sealed record ThisNodeQuarantined(Address By, string Reason);

    /// <summary>A node is gone: watchers of its actors got Terminated(AddressTerminated = true).</summary>
    public sealed record AddressTerminated(Address Remote);
}
