using System.Buffers.Binary;

namespace DhcpCluster.Dhcp.Codec;

/// <summary>
/// A DHCP frame packed for keeping (a client's last reply, kept to answer its retransmissions): the sname and file
/// fields, 192 zero bytes in nearly every reply, are left out when they are all zero, and so are the zeros that pad the
/// frame's end, which leaves about 110 of a 300-byte reply. <see cref="Unpack"/> gives back the frame byte for byte, for
/// any input (a frame too short for the fields, or with either field used, is kept whole).
/// </summary>
public static class CompactFrame
{
    /// <summary>The flags byte and the original length (16 bits, big-endian).</summary>
    private const int PrefixSize = 3;
    private const byte FieldsLeftOut = 1;
    private const int FieldsOffset = DhcpConstants.ServerNameOffset;
    private const int FieldsSize = DhcpConstants.ServerNameSize + DhcpConstants.BootFileNameSize;

    /// <summary>Packs <paramref name="frame"/> (at most 65,535 bytes).</summary>
    public static byte[] Pack(ReadOnlySpan<byte> frame)
    {
        if (frame.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"A frame of {frame.Length} bytes is longer than a UDP payload.", nameof(frame));
        }

        var leaveOutFields = frame.Length >= FieldsOffset + FieldsSize && !frame.Slice(FieldsOffset, FieldsSize).ContainsAnyExcept((byte)0);
        var used = frame.LastIndexOfAnyExcept((byte)0) + 1;
        var kept = leaveOutFields ? Math.Max(used, FieldsOffset + FieldsSize) - FieldsSize : used;
        var packed = new byte[PrefixSize + kept];
        packed[0] = leaveOutFields ? FieldsLeftOut : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(packed.AsSpan(1), (ushort)frame.Length);
        var body = packed.AsSpan(PrefixSize);
        if (leaveOutFields)
        {
            frame[..FieldsOffset].CopyTo(body);
            frame[(FieldsOffset + FieldsSize)..Math.Max(used, FieldsOffset + FieldsSize)].CopyTo(body[FieldsOffset..]);
        }
        else
        {
            frame[..used].CopyTo(body);
        }

        return packed;
    }

    /// <summary>The frame <paramref name="packed"/> was packed from.</summary>
    /// <exception cref="ArgumentException">When <paramref name="packed"/> is not what <see cref="Pack"/> made.</exception>
    public static byte[] Unpack(ReadOnlySpan<byte> packed)
    {
        if (packed.Length < PrefixSize)
        {
            throw new ArgumentException("A packed frame has at least its 3-byte prefix.", nameof(packed));
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(packed[1..]);
        var body = packed[PrefixSize..];
        var leftOut = packed[0] == FieldsLeftOut;
        if (body.Length + (leftOut ? FieldsSize : 0) > length || (leftOut && body.Length < FieldsOffset))
        {
            throw new ArgumentException("The packed frame's body does not fit its length.", nameof(packed));
        }

        var frame = new byte[length];
        if (leftOut)
        {
            body[..FieldsOffset].CopyTo(frame);
            body[FieldsOffset..].CopyTo(frame.AsSpan(FieldsOffset + FieldsSize));
        }
        else
        {
            body.CopyTo(frame);
        }

        return frame;
    }
}
