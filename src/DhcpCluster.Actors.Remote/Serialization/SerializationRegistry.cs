using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>
/// The serializers of a node: finds the serializer of a message's type (first that accepts it, cached per
/// type) and the serializer of an id read from the wire.
/// </summary>
public sealed class SerializationRegistry
{
    private readonly Serializer[] _serializers;
    private readonly FrozenDictionary<int, Serializer> _byId;
    private readonly ConcurrentDictionary<Type, Serializer?> _byType = new();

    /// <summary>Creates the registry over the given serializers (ids must be unique).</summary>
    /// <exception cref="ArgumentException">When two serializers share an id.</exception>
    public SerializationRegistry(IEnumerable<Serializer> serializers)
    {
        ArgumentNullException.ThrowIfNull(serializers);
        _serializers = [.. serializers];
        var byId = new Dictionary<int, Serializer>();
        foreach (var s in _serializers)
        {
            if (!byId.TryAdd(s.Identifier, s))
            {
                throw new ArgumentException($"Serializer id {s.Identifier} is used by both {byId[s.Identifier].GetType().Name} and {s.GetType().Name}.", nameof(serializers));
            }
        }

        _byId = byId.ToFrozenDictionary();
    }

    /// <summary>The serializer of a message, or null when no serializer handles its type.</summary>
    public Serializer? FindFor(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        if (_byType.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var found = Array.Find(_serializers, s => s.CanSerialize(type));
        _byType.TryAdd(type, found);
        return found;
    }

    /// <summary>Rebuilds a message.</summary>
    /// <exception cref="UnknownManifestException">When the id or manifest is unknown.</exception>
    public object Deserialize(int serializerId, string manifest, ReadOnlySpan<byte> payload) =>
        _byId.TryGetValue(serializerId, out var serializer)
            ? serializer.FromBinary(payload, manifest)
            : throw new UnknownManifestException($"No serializer with id {serializerId}.");

    /// <summary>Serializes and deserializes a message (what the wire does), for tests of serializers.</summary>
    /// <exception cref="ArgumentException">When no serializer handles the message.</exception>
    public object RoundTrip(object message)
    {
        var serializer = FindFor(message) ?? throw new ArgumentException($"No serializer for {message.GetType().Name}.", nameof(message));
        return serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));
    }
}
