using System.Collections.Frozen;
using Google.Protobuf;

namespace DhcpCluster.Actors.Persistence.Serialization;

/// <summary>
/// Maps Google.Protobuf message types to a (serializer id, string manifest) pair and back, the idea of
/// Akka's SerializerWithStringManifest. Only registered types are ever created from stored bytes: a type
/// name read from the database is never resolved.
/// </summary>
/// <remarks>Register everything first, then call <see cref="Freeze"/> (stores do it when they start);
/// lookups after that are lock-free reads of frozen dictionaries.</remarks>
public sealed class SerializerRegistry
{
    private readonly Dictionary<Type, Registration> _byTypeBuilder = [];
    private readonly Dictionary<ManifestKey, Registration> _byManifestBuilder = [];
    private FrozenDictionary<Type, Registration>? _byType;
    private FrozenDictionary<ManifestKey, Registration>? _byManifest;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="serializerId"/> and <paramref name="manifest"/>.</summary>
    /// <exception cref="ArgumentException">The manifest is empty, or the type or the (id, manifest) pair is already registered.</exception>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    public SerializerRegistry Register<T>(int serializerId, string manifest)
        where T : IMessage<T>, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        if (_byType is not null)
        {
            throw new InvalidOperationException("The serializer registry is frozen: register every type before the store starts.");
        }

        var key = new ManifestKey(serializerId, manifest);
        if (_byTypeBuilder.ContainsKey(typeof(T)))
        {
            throw new ArgumentException($"Type {typeof(T).FullName} is already registered.", nameof(manifest));
        }

        if (_byManifestBuilder.TryGetValue(key, out var existing))
        {
            throw new ArgumentException(
                $"Serializer id {serializerId} with manifest '{manifest}' is already registered for {existing.Type.FullName}.",
                nameof(manifest));
        }

        var parser = new MessageParser<T>(static () => new T());
        var registration = new Registration(typeof(T), serializerId, manifest, parser);
        _byTypeBuilder.Add(typeof(T), registration);
        _byManifestBuilder.Add(key, registration);
        return this;
    }

    /// <summary>Makes the registry read-only. Idempotent.</summary>
    public void Freeze()
    {
        if (_byType is null)
        {
            _byManifest = _byManifestBuilder.ToFrozenDictionary();
            _byType = _byTypeBuilder.ToFrozenDictionary();
        }
    }

    /// <summary>True when <paramref name="type"/> can be serialized.</summary>
    public bool IsRegistered(Type type) => TypeMap.ContainsKey(type);

    /// <summary>The serializer id and manifest a message would be stored with.</summary>
    /// <exception cref="ArgumentException">The message's type is not registered.</exception>
    public (int SerializerId, string Manifest) Describe(object message)
    {
        var registration = Find(message);
        return (registration.SerializerId, registration.Manifest);
    }

    /// <summary>Serializes <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException">The message's type is not registered.</exception>
    public SerializedPayload Serialize(object message)
    {
        var registration = Find(message);
        return new SerializedPayload(registration.SerializerId, registration.Manifest, ((IMessage)message).ToByteArray());
    }

    /// <summary>Recreates a stored message.</summary>
    /// <param name="serializerId">Stored serializer id.</param>
    /// <param name="manifest">Stored manifest.</param>
    /// <param name="payload">Stored bytes.</param>
    /// <param name="persistenceId">Whose event or snapshot this is (for the error message).</param>
    /// <param name="sequenceNr">Its sequence number (for the error message).</param>
    /// <exception cref="UnknownManifestException">No type is registered under the id and manifest.</exception>
    /// <exception cref="StoredPayloadCorruptException">The bytes do not parse as the registered type.</exception>
    public object Deserialize(int serializerId, string manifest, byte[] payload, string persistenceId, long sequenceNr)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!ManifestMap.TryGetValue(new ManifestKey(serializerId, manifest), out var registration))
        {
            throw new UnknownManifestException(persistenceId, sequenceNr, serializerId, manifest);
        }

        try
        {
            return registration.Parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new StoredPayloadCorruptException(persistenceId, sequenceNr, registration.Type, ex);
        }
    }

    private FrozenDictionary<Type, Registration> TypeMap
    {
        get
        {
            Freeze();
            return _byType!;
        }
    }

    private FrozenDictionary<ManifestKey, Registration> ManifestMap
    {
        get
        {
            Freeze();
            return _byManifest!;
        }
    }

    private Registration Find(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TypeMap.TryGetValue(message.GetType(), out var registration))
        {
            throw new ArgumentException(
                $"Type {message.GetType().FullName} is not registered with the serializer registry; register it with a serializer id and manifest.",
                nameof(message));
        }

        return registration;
    }

    private readonly record struct ManifestKey(int SerializerId, string Manifest);

    private sealed record Registration(Type Type, int SerializerId, string Manifest, MessageParser Parser);
}
