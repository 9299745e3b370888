namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>A message for an entity, addressed by entity id (Akka's <c>ShardingEnvelope</c>); <see cref="HashCodeMessageExtractor"/> understands it.</summary>
/// <param name="EntityId">The entity.</param>
/// <param name="Message">What the entity receives.</param>
public sealed record ShardingEnvelope(string EntityId, object Message);
