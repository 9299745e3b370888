using System.Buffers.Binary;

namespace DhcpCluster.Server.Leases;

/// <summary>Lowers the lease times (options 51, 58, 59) of an already written reply.</summary>
internal static class ReplyLeaseTimes
{
    private const int OptionsOffset = 240;

    /// <summary>
    /// Grants at most <paramref name="seconds"/>: option 51 becomes at most that, 58 at most half, 59 at most 7/8
    /// (RFC 2131 §4.4.5 defaults). Options in the main options field are rewritten in place.
    /// </summary>
    public static void Limit(Span<byte> reply, uint seconds)
    {
        var i = OptionsOffset;
        while (i < reply.Length)
        {
            var code = reply[i];
            if (code == 0)
            {
                i++;
                continue;
            }

            if (code == 255 || i + 1 >= reply.Length)
            {
                return;
            }

            var length = reply[i + 1];
            var value = reply.Slice(i + 2, Math.Min(length, reply.Length - i - 2));
            if (length == 4 && value.Length == 4)
            {
                var limit = code switch
                {
                    51 => seconds,
                    58 => seconds / 2,
                    59 => seconds / 8 * 7,
                    _ => uint.MaxValue,
                };
                if (BinaryPrimitives.ReadUInt32BigEndian(value) > limit)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(value, limit);
                }
            }

            i += 2 + length;
        }
    }
}
