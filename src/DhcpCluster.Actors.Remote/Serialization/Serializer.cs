namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>
/// Turns messages of the types it knows into bytes and back, with a string manifest telling the
/// receiving side which of its types a payload is (Akka's <c>SerializerWithStringManifest</c>).
/// A serializer maps manifests to types from its own table: it never resolves a type name from the wire.
/// </summary>
public abstract class Serializer
{
    /// <summary>Unique id of this serializer on every node (carried in each envelope).</summary>
    public abstract int Identifier { get; }

    /// <summary>True when this serializer handles <paramref name="type"/>.</summary>
    public abstract bool CanSerialize(Type type);

    /// <summary>The manifest naming the message's type.</summary>
    public abstract string Manifest(object message);

    /// <summary>The bytes of a message.</summary>
    public abstract byte[] ToBinary(object message);

    /// <summary>Rebuilds a message from its bytes and manifest.</summary>
    /// <exception cref="UnknownManifestException">When the manifest is not one of this serializer's.</exception>
    public abstract object FromBinary(ReadOnlySpan<byte> payload, string manifest);
}
