using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Tests.Codec;

public class DhcpPacketWriterTests
{
    private static DhcpPacket Parse(ReadOnlySpan<byte> frame)
    {
        var packet = new DhcpPacket();
        Assert.Equal(DhcpParseError.None, packet.Parse(frame));
        return packet;
    }

    private static byte[] Bytes(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(seed + i)).ToArray();

    [Fact]
    public void Rfc1542_S2_1_short_messages_are_padded_to_300_bytes_after_end()
    {
        var buffer = new byte[1500];
        buffer.AsSpan().Fill(0xEE); // a dirty pooled buffer
        var writer = new DhcpPacketWriter(buffer);
        writer.Op = DhcpOp.BootReply;
        writer.WriteMessageType(DhcpMessageType.Ack);
        var length = writer.Finish();

        Assert.Equal(300, length);
        Assert.Equal(new byte[] { 99, 130, 83, 99, 53, 1, 5, 255 }, buffer[236..244]);
        Assert.All(buffer[244..300], b => Assert.Equal(0, b));
        Assert.All(buffer[1..236], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Rfc2131_S4_3_1_reply_header_copies_xid_flags_giaddr_chaddr_and_clears_hops_and_secs()
    {
        var request = new byte[1024];
        var rw = new DhcpPacketWriter(request, 1024);
        rw.Op = DhcpOp.BootRequest;
        rw.HardwareType = 1;
        rw.SetClientHardwareAddress(TestPackets.Mac);
        rw.Hops = 2;
        rw.Secs = 9;
        rw.TransactionId = 0xDEADBEEF;
        rw.Flags = DhcpConstants.BroadcastFlag;
        rw.RelayAddress = Ipv4Address.Parse("198.51.100.1");
        rw.ClientAddress = Ipv4Address.Parse("198.51.100.77");
        rw.WriteMessageType(DhcpMessageType.Discover);
        var parsedRequest = Parse(request.AsSpan(0, rw.Finish()));

        var buffer = new byte[548];
        var writer = new DhcpPacketWriter(buffer, parsedRequest.MaxReplyPayloadSize);
        writer.BeginReply(parsedRequest);
        writer.YourAddress = Ipv4Address.Parse("198.51.100.20");
        writer.WriteMessageType(DhcpMessageType.Offer);
        var reply = Parse(buffer.AsSpan(0, writer.Finish()));

        Assert.Equal(DhcpOp.BootReply, reply.Op);
        Assert.Equal(0xDEADBEEFu, reply.TransactionId);
        Assert.True(reply.IsBroadcast);
        Assert.Equal(Ipv4Address.Parse("198.51.100.1"), reply.RelayAddress);
        Assert.Equal(TestPackets.Mac, reply.ClientHardwareAddress.ToArray());
        Assert.Equal(0, reply.Hops);
        Assert.Equal(0, reply.Secs);
        Assert.Equal(Ipv4Address.Any, reply.ClientAddress);
        Assert.Equal(Ipv4Address.Parse("198.51.100.20"), reply.YourAddress);
    }

    [Fact]
    public void Rfc3396_S5_options_longer_than_255_bytes_are_split_into_consecutive_instances()
    {
        var value = Bytes(600, 7);
        var buffer = new byte[1500];
        var writer = new DhcpPacketWriter(buffer, 1500);
        writer.WriteMessageType(DhcpMessageType.Ack);
        Assert.True(writer.WriteOption(43, value));
        var length = writer.Finish();

        Assert.Equal((byte)43, buffer[243]);
        Assert.Equal((byte)255, buffer[244]);
        Assert.Equal((byte)43, buffer[243 + 257]);
        Assert.Equal((byte)255, buffer[244 + 257]);
        Assert.Equal((byte)43, buffer[243 + 514]);
        Assert.Equal((byte)90, buffer[244 + 514]);
        var packet = Parse(buffer.AsSpan(0, length));
        Assert.Equal(3, packet.OccurrencesOf(43));
        Assert.True(packet.TryGetOption(43, out var read));
        Assert.Equal(value, read.ToArray());
        Assert.Equal(0, packet.Overload);
    }

    [Fact]
    public void Rfc2132_S9_3_options_that_do_not_fit_go_to_file_then_sname_and_each_field_ends_with_end()
    {
        // 548 bytes: the options field is 240..547. 53 (3 bytes) and option 200 (257) end at 500.
        var buffer = new byte[548];
        var writer = new DhcpPacketWriter(buffer, 548);
        writer.WriteMessageType(DhcpMessageType.Offer);
        Assert.True(writer.WriteOption(200, Bytes(255, 1)));
        Assert.True(writer.WriteOption(201, Bytes(60, 2)));  // 62 bytes: no room before 544 (3 kept for 52) -> file 108..170
        Assert.True(writer.WriteOption(202, Bytes(50, 3)));  // 52 bytes: 503 + 52 > 547 -> file 170..222
        Assert.True(writer.WriteOption(203, Bytes(40, 4)));  // 42 bytes: 503 + 42 <= 547 -> options again
        Assert.True(writer.WriteOption(204, Bytes(30, 5)));  // 32 bytes: options full, file full -> sname 44..76
        var length = writer.Finish();

        Assert.Equal(546, length); // End at 545, no padding needed beyond 300
        Assert.Equal(new byte[] { 52, 1, 3 }, buffer[500..503]);
        Assert.Equal((byte)203, buffer[503]);
        Assert.Equal((byte)255, buffer[545]);
        Assert.Equal((byte)201, buffer[108]);
        Assert.Equal((byte)202, buffer[170]);
        Assert.Equal((byte)255, buffer[222]);
        Assert.Equal((byte)204, buffer[44]);
        Assert.Equal((byte)255, buffer[76]);
        var packet = Parse(buffer.AsSpan(0, length));
        Assert.Equal(3, packet.Overload);
        foreach (var (code, size, seed) in new (byte, int, byte)[] { (200, 255, 1), (201, 60, 2), (202, 50, 3), (203, 40, 4), (204, 30, 5) })
        {
            Assert.True(packet.TryGetOption(code, out var value), $"option {code}");
            Assert.Equal(Bytes(size, seed), value.ToArray());
        }
    }

    [Fact]
    public void Rfc3396_S5_address_lists_can_be_split_at_whole_addresses()
    {
        Assert.True(DhcpCluster.Dhcp.Options.StandardOptions.TryGet("domain-name-servers", out var dns));
        Assert.Equal(4, dns.SplitAlignment);
        var value = Bytes(280, 1);
        var buffer = new byte[1500];
        var writer = new DhcpPacketWriter(buffer, 1500);
        writer.WriteMessageType(DhcpMessageType.Ack);
        Assert.True(writer.WriteOption(6, value, dns.SplitAlignment));
        var length = writer.Finish();

        Assert.Equal((byte)252, buffer[244]);
        Assert.Equal((byte)28, buffer[244 + 254]);
        var packet = Parse(buffer.AsSpan(0, length));
        Assert.True(packet.TryGetOption(6, out var read));
        Assert.Equal(value, read.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => new DhcpPacketWriter(buffer).WriteOption(6, value, 0));
    }

    [Fact]
    public void Rfc3396_S7_a_split_option_spilling_into_file_keeps_its_instances_in_order()
    {
        // 700-byte limit: the first 255-byte instance of option 43 fits in the options field, the 45-byte rest
        // does not and goes to file; a later small option still uses the options field.
        var buffer = new byte[700];
        var writer = new DhcpPacketWriter(buffer, 700);
        writer.WriteMessageType(DhcpMessageType.Offer);
        Assert.True(writer.WriteOption(200, Bytes(150, 1)));  // 243..395
        Assert.True(writer.WriteOption(43, Bytes(300, 7)));   // 395..652 in options, then 47 bytes: 652 + 47 > 696 -> file
        Assert.True(writer.WriteOption(60, Bytes(20, 9)));    // 22 bytes: 655 + 22 <= 699 -> options
        var length = writer.Finish();

        Assert.Equal((byte)43, buffer[395]);
        Assert.Equal((byte)43, buffer[108]);
        var packet = Parse(buffer.AsSpan(0, length));
        Assert.Equal(1, packet.Overload);
        Assert.True(packet.TryGetOption(43, out var value));
        Assert.Equal(Bytes(300, 7), value.ToArray());
        Assert.True(packet.TryGetOption(60, out value));
        Assert.Equal(Bytes(20, 9), value.ToArray());
    }

    [Fact]
    public void Rfc2132_S9_3_options_that_fit_nowhere_are_dropped_whole_and_reported()
    {
        var buffer = new byte[548];
        var writer = new DhcpPacketWriter(buffer, 548);
        writer.WriteMessageType(DhcpMessageType.Offer);
        Assert.True(writer.WriteOption(3, [192, 0, 2, 1]));
        Assert.False(writer.WriteOption(43, Bytes(1000, 1)));
        Assert.True(writer.WriteOption(6, [192, 0, 2, 53]));
        var length = writer.Finish();

        Assert.True(writer.WasDropped(43));
        Assert.False(writer.WasDropped(3));
        Assert.Equal(1, writer.DroppedCount);
        var packet = Parse(buffer.AsSpan(0, length));
        Assert.False(packet.HasOption(43));
        Assert.True(packet.HasOption(3));
        Assert.True(packet.HasOption(6));
        Assert.Equal(0, packet.Overload);
        Assert.Equal(300, length);
        Assert.All(buffer[44..236], b => Assert.Equal(0, b)); // nothing left behind in sname/file
    }

    [Fact]
    public void Rfc2132_S9_3_without_overload_options_that_do_not_fit_are_dropped()
    {
        var buffer = new byte[548];
        var writer = new DhcpPacketWriter(buffer, 548, allowOverload: false);
        writer.WriteMessageType(DhcpMessageType.Offer);
        Assert.True(writer.WriteOption(200, Bytes(255, 1)));
        Assert.True(writer.WriteOption(201, Bytes(45, 1))); // 3 + 257 + 47 = 307 of 307: fits exactly (no reserve)
        Assert.False(writer.WriteOption(202, []));
        var length = writer.Finish();

        Assert.Equal(548, length);
        Assert.Equal(0, Parse(buffer.AsSpan(0, length)).Overload);
    }

    [Fact]
    public void Rfc2132_S9_4_sname_and_file_with_names_are_not_used_for_overload()
    {
        var buffer = new byte[548];
        var writer = new DhcpPacketWriter(buffer, 548);
        writer.SetServerName("tftp.example.test"u8);
        writer.SetBootFileName("pxelinux.0"u8);
        writer.WriteMessageType(DhcpMessageType.Offer);
        Assert.True(writer.WriteOption(200, Bytes(255, 1)));
        Assert.False(writer.WriteOption(201, Bytes(100, 1)));
        var packet = Parse(buffer.AsSpan(0, writer.Finish()));

        Assert.Equal(0, packet.Overload);
        Assert.Equal("tftp.example.test"u8.ToArray(), packet.ServerName.ToArray());
        Assert.Equal("pxelinux.0"u8.ToArray(), packet.BootFileName.ToArray());
    }

    [Fact]
    public void Rfc2132_S9_10_the_limit_is_the_smaller_of_buffer_and_maximum()
    {
        Assert.Equal(548, new DhcpPacketWriter(new byte[1500]).MaxMessageSize);
        Assert.Equal(400, new DhcpPacketWriter(new byte[400], 1500).MaxMessageSize);
        Assert.Equal(DhcpConstants.DefaultMaxPayloadSize, DhcpConstants.MaxPayloadSize(null));
        Assert.Equal(548, DhcpConstants.MaxPayloadSize(300));
        Assert.Equal(1472, DhcpConstants.MaxPayloadSize(1500));
        Assert.Throws<ArgumentException>(() => new DhcpPacketWriter(new byte[243]));
    }

    [Fact]
    public void Pad_end_and_overload_cannot_be_written_as_options()
    {
        var buffer = new byte[548];
        Assert.Throws<ArgumentOutOfRangeException>(() => new DhcpPacketWriter(buffer).WriteOption((byte)0, [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DhcpPacketWriter(buffer).WriteOption(255, [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DhcpPacketWriter(buffer).WriteOption(52, [1]));
    }

    [Fact]
    public void Field_names_that_leave_no_terminating_zero_are_refused()
    {
        var buffer = new byte[548];
        Assert.Throws<ArgumentException>(() => new DhcpPacketWriter(buffer).SetServerName(new byte[64]));
        Assert.Throws<ArgumentException>(() => new DhcpPacketWriter(buffer).SetBootFileName(new byte[128]));
        Assert.Throws<ArgumentException>(() => new DhcpPacketWriter(buffer).SetClientHardwareAddress(new byte[17]));
    }

    [Fact]
    public void Writing_allocates_nothing()
    {
        var buffer = new byte[1500];
        byte[] routers = [192, 0, 2, 1];
        Write(buffer, routers);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Write(buffer, routers);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static int Write(byte[] buffer, byte[] routers)
        {
            var writer = new DhcpPacketWriter(buffer, 1472);
            writer.Op = DhcpOp.BootReply;
            writer.YourAddress = new Ipv4Address(0xC0000264);
            writer.WriteMessageType(DhcpMessageType.Ack);
            writer.WriteOption(DhcpOptionCode.ServerIdentifier, new Ipv4Address(0xC0000201));
            writer.WriteUInt32Option(DhcpOptionCode.LeaseTime, 3600);
            writer.WriteOption(DhcpOptionCode.Routers, routers);
            return writer.Finish();
        }
    }
}
