namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>Tells a shard region which entity a message is for, which shard that entity lives in, and what the entity gets (Akka's <c>IMessageExtractor</c>).</summary>
public interface IMessageExtractor
{
    /// <summary>The entity id of a message, or null when the message is not for an entity (it is then dropped and counted as unhandled).</summary>
    string? EntityId(object message);

    /// <summary>What the entity receives (the message itself, or its payload when it is an envelope).</summary>
    object? EntityMessage(object message);

    /// <summary>The shard id of a message (for a message with an entity id).</summary>
    string ShardId(object message);
}
