using System.Buffers.Binary;
using System.Text;

namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>Strings, byte arrays, 32- and 64-bit integers (manifests <c>S</c>, <c>B</c>, <c>I</c>, <c>L</c>).</summary>
public sealed class PrimitiveSerializer : Serializer
{
    /// <summary>The serializer id.</summary>
    public const int Id = 3;

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <inheritdoc/>
    public override bool CanSerialize(Type type) => type == typeof(string) || type == typeof(byte[]) || type == typeof(int) || type == typeof(long);

    /// <inheritdoc/>
    public override string Manifest(object message) => message switch
    {
        string => "S",
        byte[] => "B",
        int => "I",
        long => "L",
        _ => throw new ArgumentException($"{message?.GetType().Name} is not a primitive message.", nameof(message)),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object message)
    {
        switch (message)
        {
            case string s:
                return Encoding.UTF8.GetBytes(s);
            case byte[] b:
                return b;
            case int i:
                var ib = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(ib, i);
                return ib;
            case long l:
                var lb = new byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(lb, l);
                return lb;
            default:
                throw new ArgumentException($"{message?.GetType().Name} is not a primitive message.", nameof(message));
        }
    }

    /// <inheritdoc/>
    public override object FromBinary(ReadOnlySpan<byte> payload, string manifest) => manifest switch
    {
        "S" => Encoding.UTF8.GetString(payload),
        "B" => payload.ToArray(),
        "I" when payload.Length == 4 => BinaryPrimitives.ReadInt32LittleEndian(payload),
        "L" when payload.Length == 8 => BinaryPrimitives.ReadInt64LittleEndian(payload),
        "I" or "L" => throw new UnknownManifestException($"Integer payload of {payload.Length} bytes for manifest '{manifest}'."),
        _ => throw new UnknownManifestException($"Unknown primitive manifest '{manifest}'."),
    };
}
