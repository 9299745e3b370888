using DhcpCluster.Dhcp.Codec;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Dhcp.Tests.Codec;

/// <summary>FsCheck properties of the codec: write-then-parse identity, total parsing, size limits.</summary>
public class DhcpPacketProperties
{
    private static readonly byte[] UsableCodes = Enumerable.Range(1, 254).Where(c => c is not 52 and not 53).Select(c => (byte)c).ToArray();

    private static readonly string[] GoldenFiles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden", "data"), "*.hex");

    private static Gen<byte[]> OptionValue => Gen.Frequency(
        (6, PropertyCheck.Bytes(0, 16)),
        (3, PropertyCheck.Bytes(0, 255)),
        (1, PropertyCheck.Bytes(256, 700)));

    private static Gen<GeneratedOption[]> Options =>
        from codes in Gen.Shuffle(UsableCodes)
        from count in Gen.Choose(0, 14)
        from values in OptionValue.ArrayOf(count)
        from alignments in Gen.Elements(1, 1, 2, 4, 8, 16).ArrayOf(count)
        select codes.Take(count).Select((code, i) => new GeneratedOption(code, values[i], alignments[i])).ToArray();

    private static Gen<string?> FieldText(int max) => Gen.Frequency(
        (3, Gen.Constant<string?>(null)),
        (1, Gen.Choose(1, max).SelectMany(n => Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789./-".ToCharArray()).ArrayOf(n)).Select(c => (string?)new string(c))));

    private static Gen<GeneratedMessage> Messages =>
        from op in Gen.Elements(DhcpOp.BootRequest, DhcpOp.BootReply)
        from htype in PropertyCheck.Byte
        from chaddr in PropertyCheck.Bytes(0, 16)
        from hops in PropertyCheck.Byte
        from xid in PropertyCheck.UInt32
        from secs in Gen.Choose(0, 0xFFFF)
        from flags in Gen.Choose(0, 0xFFFF)
        from addresses in PropertyCheck.UInt32.ArrayOf(4)
        from type in Gen.Choose(1, 18)
        from options in Options
        from serverName in FieldText(63)
        from bootFile in FieldText(127)
        from allowOverload in Gen.Elements(true, false)
        from limit in Gen.Frequency((1, Gen.Constant(65535)), (3, Gen.Choose(300, 1500)))
        select new GeneratedMessage(op, htype, chaddr, hops, xid, (ushort)secs, (ushort)flags, addresses, (DhcpMessageType)type, options, serverName, bootFile, allowOverload, limit);

    /// <summary>RFC 2131 §2 / RFC 2132 §9.3 / RFC 3396 §7: what the writer writes, the parser reads back.</summary>
    [Fact]
    public void Write_then_parse_is_the_identity()
    {
        var packet = new DhcpPacket();
        var buffer = new byte[65535];
        PropertyCheck.ForAll(Messages, message =>
        {
            var (length, dropped) = message.Write(buffer);
            if (!DhcpPacket.TryParse(buffer.AsSpan(0, length), packet, out var error))
            {
                throw new InvalidOperationException($"parse failed: {error}");
            }

            return length <= message.Limit && message.Matches(packet, dropped);
        }, maxTest: 500);
    }

    /// <summary>With room for everything (the 64 KiB limit), no option is ever dropped.</summary>
    [Fact]
    public void Nothing_is_dropped_when_the_limit_allows_it()
    {
        var buffer = new byte[65535];
        PropertyCheck.ForAll(Messages.Select(m => m with { Limit = 65535 }), message => message.Write(buffer).Dropped.Count == 0);
    }

    /// <summary>Parsing is total: no input throws; the parser only looks at the bytes it is given.</summary>
    [Fact]
    public void Parse_of_any_byte_string_never_throws()
    {
        var packet = new DhcpPacket();
        var other = new DhcpPacket();
        var inputs = Gen.Frequency(
            (2, PropertyCheck.Bytes(0, 600)),
            (3, MutatedGoldenPackets),
            (1, MutatedWrittenPackets));
        PropertyCheck.ForAll(inputs, data =>
        {
            var error = packet.Parse(data);

            // the same bytes followed by garbage in the caller's buffer parse the same way
            var padded = new byte[data.Length + 64];
            data.CopyTo(padded, 0);
            padded.AsSpan(data.Length).Fill(0xA5);
            var errorFromSlice = other.Parse(padded.AsSpan(0, data.Length));
            return error == errorFromSlice && (error != DhcpParseError.None || SameOptions(packet, other));
        }, maxTest: 2000);
    }

    /// <summary>RFC 2132 §9.10, RFC 2131 §2: a reply never exceeds the client's maximum message size minus IP/UDP headers.</summary>
    [Fact]
    public void A_reply_never_exceeds_the_clients_maximum_message_size()
    {
        var request = new DhcpPacket();
        var reply = new DhcpPacket();
        var requestBuffer = new byte[2048];
        var replyBuffer = new byte[1500];
        var cases =
            from maxSize in Gen.Frequency((1, Gen.Constant(-1)), (4, Gen.Choose(0, 1600)))
            from options in Options
            from allowOverload in Gen.Elements(true, false)
            select (maxSize, options, allowOverload);
        PropertyCheck.ForAll(cases, c =>
        {
            var requestWriter = new DhcpPacketWriter(requestBuffer, requestBuffer.Length);
            requestWriter.Op = DhcpOp.BootRequest;
            requestWriter.SetClientHardwareAddress(TestPackets.Mac);
            requestWriter.WriteMessageType(DhcpMessageType.Discover);
            if (c.maxSize >= 0)
            {
                requestWriter.WriteUInt16Option(DhcpOptionCode.MaxMessageSize, (ushort)c.maxSize);
            }

            request.Parse(requestBuffer.AsSpan(0, requestWriter.Finish()));
            var writer = new DhcpPacketWriter(replyBuffer, request.MaxReplyPayloadSize, c.allowOverload);
            writer.BeginReply(request);
            writer.WriteMessageType(DhcpMessageType.Offer);
            foreach (var option in c.options)
            {
                writer.WriteOption(option.Code, option.Value);
            }

            var length = writer.Finish();
            var limit = Math.Max(576, c.maxSize) - 28;
            return length <= limit && length <= replyBuffer.Length && reply.Parse(replyBuffer.AsSpan(0, length)) == DhcpParseError.None;
        }, maxTest: 500);
    }

    private static Gen<byte[]> MutatedGoldenPackets =>
        from file in Gen.Elements(GoldenFiles)
        from mutation in Mutation
        select mutation(Convert.FromHexString(File.ReadAllText(file).Trim()));

    private static Gen<byte[]> MutatedWrittenPackets =>
        from message in Messages
        from mutation in Mutation
        select mutation(WriteToArray(message));

    private static Gen<Func<byte[], byte[]>> Mutation => Gen.OneOf(
        Gen.Choose(0, 400).Select<int, Func<byte[], byte[]>>(cut => data => data[..Math.Min(cut, data.Length)]),
        from position in Gen.Choose(0, 10_000)
        from value in PropertyCheck.Byte
        from count in Gen.Choose(1, 8)
        select (Func<byte[], byte[]>)(data =>
        {
            var copy = (byte[])data.Clone();
            for (var i = 0; i < count && copy.Length > 0; i++)
            {
                copy[(position + (i * 37)) % copy.Length] = (byte)(value + i);
            }

            return copy;
        }),
        Gen.Choose(236, 400).Select<int, Func<byte[], byte[]>>(at => data =>
        {
            // an option length byte pointing past the end
            var copy = (byte[])data.Clone();
            if (at + 1 < copy.Length)
            {
                copy[at] = 12;
                copy[at + 1] = 255;
            }

            return copy;
        }));

    private static byte[] WriteToArray(GeneratedMessage message)
    {
        var buffer = new byte[65535];
        var (length, _) = message.Write(buffer);
        return buffer[..length];
    }

    private static bool SameOptions(DhcpPacket a, DhcpPacket b)
    {
        if (!a.OptionCodes.SequenceEqual(b.OptionCodes) || !a.Frame.SequenceEqual(b.Frame))
        {
            return false;
        }

        foreach (var code in a.OptionCodes)
        {
            a.TryGetOption(code, out var x);
            b.TryGetOption(code, out var y);
            if (!x.SequenceEqual(y))
            {
                return false;
            }
        }

        return true;
    }
}
