using System.Globalization;

namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>
/// Shard id = abs(MurmurHash.StringHash(entity id)) mod number of shards, as Akka.NET's
/// <c>HashCodeMessageExtractor</c> computes it. Subclasses say where the entity id is (<see cref="EntityId"/>);
/// <see cref="ShardingEnvelope"/> is understood out of the box. The shard ids are precomputed strings, so
/// extracting one allocates nothing.
/// </summary>
public abstract class HashCodeMessageExtractor : IMessageExtractor
{
    private readonly string[] _shardIds;

    /// <summary>Creates the extractor.</summary>
    /// <param name="maxNumberOfShards">The number of shards (about ten times the largest number of nodes; never change it during a cluster's life).</param>
    /// <exception cref="ArgumentOutOfRangeException">When not positive.</exception>
    protected HashCodeMessageExtractor(int maxNumberOfShards)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNumberOfShards);
        MaxNumberOfShards = maxNumberOfShards;
        _shardIds = [.. Enumerable.Range(0, maxNumberOfShards).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>The number of shards.</summary>
    public int MaxNumberOfShards { get; }

    /// <summary>A <see cref="HashCodeMessageExtractor"/> that understands only <see cref="ShardingEnvelope"/>.</summary>
    public static HashCodeMessageExtractor Create(int maxNumberOfShards, Func<object, string?>? entityId = null) =>
        new Delegating(maxNumberOfShards, entityId);

    /// <summary>The shard number of an entity id: abs(StringHash(id)) mod <paramref name="numberOfShards"/>.</summary>
    public static int ShardNumber(string entityId, int numberOfShards)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numberOfShards);
        return (int)(Math.Abs((long)MurmurHash.StringHash(entityId)) % numberOfShards);
    }

    /// <inheritdoc/>
    public abstract string? EntityId(object message);

    /// <inheritdoc/>
    public virtual object? EntityMessage(object message) => message is ShardingEnvelope e ? e.Message : message;

    /// <inheritdoc/>
    public virtual string ShardId(object message)
    {
        var id = EntityId(message) ?? throw new ArgumentException($"{message?.GetType().Name} has no entity id.", nameof(message));
        return ShardIdOf(id);
    }

    /// <summary>The shard id of an entity id.</summary>
    public string ShardIdOf(string entityId) => _shardIds[ShardNumber(entityId, MaxNumberOfShards)];

    private sealed class Delegating(int maxNumberOfShards, Func<object, string?>? entityId) : HashCodeMessageExtractor(maxNumberOfShards)
    {
        public override string? EntityId(object message) => message is ShardingEnvelope e ? e.EntityId : entityId?.Invoke(message);
    }
}
