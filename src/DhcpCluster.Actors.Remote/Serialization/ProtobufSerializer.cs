using System.Collections.Frozen;
using Google.Protobuf;

namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>
/// Serializes registered Google.Protobuf message types, each under a manifest chosen at registration.
/// Applications register their own protobuf messages here (<see cref="Register{T}"/>) before the system starts.
/// </summary>
public sealed class ProtobufSerializer : Serializer
{
    /// <summary>The serializer id of application protobuf messages.</summary>
    public const int Id = 2;

    private readonly Dictionary<Type, string> _manifestsBuilder = [];
    private readonly Dictionary<string, MessageParser> _parsersBuilder = new(StringComparer.Ordinal);
    private FrozenDictionary<Type, string>? _manifests;
    private FrozenDictionary<string, MessageParser>? _parsers;

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <summary>Registers a protobuf type under a manifest.</summary>
    /// <exception cref="ArgumentException">The type or manifest is already registered, or the manifest is empty.</exception>
    /// <exception cref="InvalidOperationException">After the first message was serialized.</exception>
    public ProtobufSerializer Register<T>(string manifest)
        where T : IMessage<T>, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        if (_manifests is not null)
        {
            throw new InvalidOperationException("Register protobuf types before the actor system starts.");
        }

        if (_manifestsBuilder.ContainsKey(typeof(T)) || _parsersBuilder.ContainsKey(manifest))
        {
            throw new ArgumentException($"{typeof(T).Name} or manifest '{manifest}' is already registered.", nameof(manifest));
        }

        _manifestsBuilder.Add(typeof(T), manifest);
        _parsersBuilder.Add(manifest, new MessageParser<T>(static () => new T()));
        return this;
    }

    /// <inheritdoc/>
    public override bool CanSerialize(Type type) => Manifests.ContainsKey(type);

    /// <inheritdoc/>
    public override string Manifest(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Manifests.TryGetValue(message.GetType(), out var manifest)
            ? manifest
            : throw new ArgumentException($"{message.GetType().Name} is not a registered protobuf message.", nameof(message));
    }

    /// <inheritdoc/>
    public override byte[] ToBinary(object message) => ((IMessage)message).ToByteArray();

    /// <inheritdoc/>
    public override object FromBinary(ReadOnlySpan<byte> payload, string manifest)
    {
        Freeze();
        return _parsers!.TryGetValue(manifest, out var parser)
            ? parser.ParseFrom(payload)
            : throw new UnknownManifestException($"No protobuf message is registered under manifest '{manifest}'.");
    }

    private FrozenDictionary<Type, string> Manifests
    {
        get
        {
            Freeze();
            return _manifests!;
        }
    }

    private void Freeze()
    {
        if (_manifests is null)
        {
            lock (_manifestsBuilder)
            {
                _parsers ??= _parsersBuilder.ToFrozenDictionary(StringComparer.Ordinal);
                _manifests ??= _manifestsBuilder.ToFrozenDictionary();
            }
        }
    }
}
