using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace DhcpCluster.Actors.Remote.Transport;

/// <summary>Frames on a node-to-node connection: a 4-byte little-endian length, then that many bytes of one protobuf message.</summary>
internal static class FrameCodec
{
    public const int HeaderLength = 4;

    /// <summary>Appends one frame holding <paramref name="message"/>.</summary>
    public static void Write(IBufferWriter<byte> output, IMessage message)
    {
        var size = message.CalculateSize();
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(HeaderLength), size);
        output.Advance(HeaderLength);
        message.WriteTo(output);
    }

    /// <summary>Takes one whole frame off the front of <paramref name="buffer"/>, if there is one.</summary>
    /// <exception cref="InvalidDataException">When the announced length exceeds <paramref name="maximumFrameSize"/>.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maximumFrameSize, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < HeaderLength)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 0 || length > maximumFrameSize)
        {
            throw new InvalidDataException($"Frame of {length} bytes exceeds the maximum frame size {maximumFrameSize}.");
        }

        if (buffer.Length < HeaderLength + length)
        {
            return false;
        }

        frame = buffer.Slice(HeaderLength, length);
        buffer = buffer.Slice(HeaderLength + length);
        return true;
    }

    /// <summary>Reads one framed message of a known type (handshake), or null when the connection ended first.</summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(PipeReader reader, MessageParser<T> parser, int maximumFrameSize, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryRead(ref buffer, maximumFrameSize, out var frame))
            {
                var message = parser.ParseFrom(frame);
                reader.AdvanceTo(buffer.Start);
                return message;
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
