using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Tests.Codec;

public class DhcpPacketTests
{
    private static readonly byte[] Discover = RawFrame.Option(53, 1);

    private static DhcpPacket Parse(byte[] frame)
    {
        var packet = new DhcpPacket();
        Assert.True(DhcpPacket.TryParse(frame, packet, out var error), error.ToString());
        return packet;
    }

    private static DhcpParseError ErrorOf(byte[] frame) => new DhcpPacket().Parse(frame);

    [Fact]
    public void Rfc2131_S2_header_fields_round_trip()
    {
        var frame = TestPackets.Discover(xid: 0xCAFEBABE, broadcast: true);
        var packet = Parse(frame);

        Assert.Equal(DhcpOp.BootRequest, packet.Op);
        Assert.Equal(1, packet.HardwareType);
        Assert.Equal(6, packet.HardwareLength);
        Assert.Equal(0xCAFEBABEu, packet.TransactionId);
        Assert.Equal(3, packet.Secs);
        Assert.True(packet.IsBroadcast);
        Assert.Equal(TestPackets.Mac, packet.ClientHardwareAddress.ToArray());
        Assert.Equal(DhcpMessageType.Discover, packet.MessageType);
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), packet.RequestedAddress);
        Assert.Equal((ushort)1500, packet.MaxMessageSize);
        Assert.Equal(1500 - 28, packet.MaxReplyPayloadSize);
        Assert.Equal(new byte[] { 1, 3, 6, 15, 51, 54 }, packet.ParameterRequestList.ToArray());
        Assert.Equal("client-1", packet.GetOptionText(DhcpOptionCode.HostName));
        Assert.Equal(new byte[] { 53, 61, 50, 57, 55, 12 }, packet.OptionCodes.ToArray());
        Assert.Equal(300, packet.Length);
        Assert.Equal(frame, packet.Frame.ToArray());
    }

    [Fact]
    public void Rfc2131_S2_address_fields_are_read_in_network_order()
    {
        var frame = RawFrame.Request(RawFrame.Concat(Discover, [255]));
        byte[] addresses = [192, 0, 2, 1, 198, 51, 100, 2, 203, 0, 113, 3, 198, 18, 0, 4];
        addresses.CopyTo(frame, 12);
        var packet = Parse(frame);

        Assert.Equal("192.0.2.1", packet.ClientAddress.ToString());
        Assert.Equal("198.51.100.2", packet.YourAddress.ToString());
        Assert.Equal("203.0.113.3", packet.ServerAddress.ToString());
        Assert.Equal("198.18.0.4", packet.RelayAddress.ToString());
        Assert.Equal(0x01020304u, packet.TransactionId);
    }

    [Theory]
    [InlineData(0, DhcpParseError.TruncatedHeader)]
    [InlineData(235, DhcpParseError.TruncatedHeader)]
    [InlineData(236, DhcpParseError.BadMagicCookie)]
    [InlineData(239, DhcpParseError.BadMagicCookie)]
    [InlineData(240, DhcpParseError.MissingMessageType)]
    public void Rfc2131_S2_short_frames_are_rejected_by_length(int length, DhcpParseError expected)
    {
        var frame = RawFrame.Request(RawFrame.Concat(Discover, [255]));
        Assert.Equal(expected, ErrorOf(frame[..length]));
    }

    [Fact]
    public void Rfc2131_S3_a_bad_magic_cookie_is_rejected()
    {
        var frame = RawFrame.Request(RawFrame.Concat(Discover, [255]));
        frame[239] = 98;
        Assert.Equal(DhcpParseError.BadMagicCookie, ErrorOf(frame));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(255)]
    public void Rfc2131_S2_op_must_be_request_or_reply(byte op)
    {
        var frame = RawFrame.Request(RawFrame.Concat(Discover, [255]));
        frame[0] = op;
        Assert.Equal(DhcpParseError.BadOp, ErrorOf(frame));
    }

    [Fact]
    public void Rfc2131_S2_hlen_beyond_chaddr_is_rejected_and_16_is_accepted()
    {
        var frame = RawFrame.Request(RawFrame.Concat(Discover, [255]));
        frame[2] = 17;
        Assert.Equal(DhcpParseError.BadHardwareLength, ErrorOf(frame));
        frame[2] = 16;
        Assert.Equal(16, Parse(frame).ClientHardwareAddress.Length);
        frame[2] = 0;
        Assert.True(Parse(frame).ClientHardwareAddress.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[] { 53, 1, 1, 12 })]                // length byte missing
    [InlineData(new byte[] { 53, 1, 1, 12, 5, 65, 66 })]     // data runs past the end
    [InlineData(new byte[] { 53, 2, 1 })]                    // message type itself overruns
    public void Rfc2132_S2_an_option_running_past_the_end_is_rejected(byte[] options)
    {
        Assert.Equal(DhcpParseError.OptionOverrunsBuffer, ErrorOf(RawFrame.Request(options)));
    }

    [Fact]
    public void Rfc2132_S3_pad_is_skipped_and_end_stops_parsing()
    {
        var frame = RawFrame.Request(RawFrame.Concat([0, 0], Discover, [0], RawFrame.Option(12, 65), [255], RawFrame.Option(15, 66), [12, 200]));
        var packet = Parse(frame);
        Assert.Equal("A", packet.GetOptionText(DhcpOptionCode.HostName));
        Assert.False(packet.HasOption(15));
    }

    [Fact]
    public void Rfc2132_S3_2_options_without_end_are_accepted_when_they_fill_the_frame()
    {
        var packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(12, 65, 66))));
        Assert.Equal("AB", packet.GetOptionText(DhcpOptionCode.HostName));
    }

    [Fact]
    public void Rfc2131_S3_option_53_is_required()
    {
        Assert.Equal(DhcpParseError.MissingMessageType, ErrorOf(RawFrame.Request(RawFrame.Concat(RawFrame.Option(12, 65), [255]))));
    }

    [Theory]
    [InlineData(new byte[] { 53, 1, 0, 255 })]
    [InlineData(new byte[] { 53, 1, 19, 255 })]
    [InlineData(new byte[] { 53, 2, 1, 1, 255 })]
    [InlineData(new byte[] { 53, 0, 255 })]
    public void Rfc2132_S9_6_message_type_must_be_one_known_byte(byte[] options)
    {
        Assert.Equal(DhcpParseError.BadMessageType, ErrorOf(RawFrame.Request(options)));
    }

    [Theory]
    [InlineData((byte)1, DhcpMessageType.Discover)]
    [InlineData((byte)8, DhcpMessageType.Inform)]
    [InlineData((byte)9, DhcpMessageType.ForceRenew)]
    [InlineData((byte)10, DhcpMessageType.LeaseQuery)]
    [InlineData((byte)13, DhcpMessageType.LeaseActive)]
    [InlineData((byte)18, DhcpMessageType.Tls)]
    public void Rfc2132_S9_6_and_rfc4388_message_types_are_named(byte value, DhcpMessageType expected)
    {
        Assert.Equal(expected, Parse(RawFrame.Request(53, 1, value, 255)).MessageType);
    }

    [Fact]
    public void Rfc3396_S7_split_options_are_concatenated_in_order()
    {
        var frame = RawFrame.Request(RawFrame.Concat(
            RawFrame.Option(12, 65, 66), Discover, RawFrame.Option(55, 1, 3), RawFrame.Option(12, 67), RawFrame.Option(55, 6), [255]));
        var packet = Parse(frame);

        Assert.Equal("ABC", packet.GetOptionText(DhcpOptionCode.HostName));
        Assert.Equal(new byte[] { 1, 3, 6 }, packet.ParameterRequestList.ToArray());
        Assert.Equal(2, packet.OccurrencesOf(12));
        Assert.Equal(new byte[] { 12, 53, 55 }, packet.OptionCodes.ToArray());
        Assert.Equal(frame, packet.Frame.ToArray());
    }

    [Fact]
    public void Rfc2132_S9_3_overloaded_file_and_sname_are_read_after_options_in_that_order()
    {
        // options: 53, 52 = 3 (both), host name part 1; file: host name part 2, 60; sname: host name part 3
        var frame = RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(52, 3), RawFrame.Option(12, 65), [255]));
        RawFrame.Concat(RawFrame.Option(12, 66), RawFrame.Option(60, 86), [255]).CopyTo(frame, 108);
        RawFrame.Concat(RawFrame.Option(12, 67), [255]).CopyTo(frame, 44);
        var packet = Parse(frame);

        Assert.Equal(3, packet.Overload);
        Assert.Equal("ABC", packet.GetOptionText(DhcpOptionCode.HostName));
        Assert.Equal("V", packet.GetOptionText(DhcpOptionCode.VendorClassIdentifier));
        Assert.True(packet.ServerName.IsEmpty);
        Assert.True(packet.BootFileName.IsEmpty);
        Assert.Equal(new byte[] { 53, 52, 12, 60 }, packet.OptionCodes.ToArray());
    }

    [Fact]
    public void Rfc2132_S9_3_without_overload_file_and_sname_are_names()
    {
        var frame = RawFrame.Request(RawFrame.Concat(Discover, [255]));
        "pxelinux.0"u8.CopyTo(frame.AsSpan(108));
        "boot-server"u8.CopyTo(frame.AsSpan(44));
        RawFrame.Option(12, 65).CopyTo(frame, 120); // option-like bytes after the name's NUL are not options
        var packet = Parse(frame);

        Assert.Equal("pxelinux.0"u8.ToArray(), packet.BootFileName.ToArray());
        Assert.Equal("boot-server"u8.ToArray(), packet.ServerName.ToArray());
        Assert.False(packet.HasOption(12));
    }

    [Theory]
    [InlineData(new byte[] { 52, 1, 0 })]
    [InlineData(new byte[] { 52, 1, 4 })]
    [InlineData(new byte[] { 52, 2, 1, 1 })]
    [InlineData(new byte[] { 52, 1, 1, 52, 1, 1 })]
    public void Rfc2132_S9_3_a_bad_overload_value_is_rejected(byte[] overload)
    {
        Assert.Equal(DhcpParseError.BadOverload, ErrorOf(RawFrame.Request(RawFrame.Concat(Discover, overload, [255]))));
    }

    [Fact]
    public void Rfc2132_S9_3_an_option_overrunning_the_file_field_is_rejected()
    {
        var frame = RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(52, 1), [255]));
        frame[230] = 12;
        frame[231] = 10; // 10 bytes from 232 run past 236
        Assert.Equal(DhcpParseError.OptionOverrunsBuffer, ErrorOf(frame));
    }

    [Theory]
    [InlineData(-1, 576)]
    [InlineData(0, 576)]
    [InlineData(575, 576)]
    [InlineData(576, 576)]
    [InlineData(1500, 1500)]
    [InlineData(65535, 65535)]
    public void Rfc2132_S9_10_maximum_message_size_is_never_below_576(int sent, int effective)
    {
        var options = sent < 0 ? Discover : RawFrame.Concat(Discover, RawFrame.Option(57, (byte)(sent >> 8), (byte)sent));
        var packet = Parse(RawFrame.Request(RawFrame.Concat(options, [255])));
        Assert.Equal(sent < 0 ? null : (ushort)sent, packet.MaxMessageSize);
        Assert.Equal(effective, packet.EffectiveMaxMessageSize);
        Assert.Equal(effective - 28, packet.MaxReplyPayloadSize);
    }

    [Fact]
    public void Rfc2132_S9_10_a_malformed_maximum_message_size_counts_as_absent()
    {
        var packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(57, 5), [255])));
        Assert.Null(packet.MaxMessageSize);
        Assert.Equal(576, packet.EffectiveMaxMessageSize);
    }

    [Fact]
    public void Rfc2132_address_options_need_exactly_4_bytes()
    {
        var packet = Parse(RawFrame.Request(RawFrame.Concat(
            Discover, RawFrame.Option(50, 192, 0, 2), RawFrame.Option(54, 192, 0, 2, 1), RawFrame.Option(118, 198, 51, 100, 0), [255])));
        Assert.Null(packet.RequestedAddress);
        Assert.Equal(Ipv4Address.Parse("192.0.2.1"), packet.ServerIdentifier);
        Assert.Equal(Ipv4Address.Parse("198.51.100.0"), packet.SubnetSelection);
    }

    [Fact]
    public void Rfc3046_relay_agent_information_sub_options_are_exposed()
    {
        var agent = RawFrame.Concat(
            RawFrame.Option(1, (byte)'e', (byte)'t', (byte)'h', (byte)'0'),
            RawFrame.Option(2, 0xAA, 0xBB),
            RawFrame.Option(5, 198, 51, 100, 0),
            RawFrame.Option(11, 192, 0, 2, 9));
        var packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(82, agent), [255])));
        var info = packet.RelayAgentInformation;

        Assert.True(info.IsPresent);
        Assert.True(info.IsWellFormed);
        Assert.Equal("eth0"u8.ToArray(), info.CircuitId.ToArray());
        Assert.Equal(new byte[] { 0xAA, 0xBB }, info.RemoteId.ToArray());
        Assert.Equal(Ipv4Address.Parse("198.51.100.0"), info.LinkSelection);
        Assert.Equal(Ipv4Address.Parse("192.0.2.9"), info.ServerIdentifierOverride);
        Assert.Equal(agent, info.Data.ToArray());
    }

    [Fact]
    public void Rfc3046_a_malformed_relay_agent_option_is_reported_not_thrown()
    {
        var packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(82, 1, 9, 65), [255])));
        Assert.True(packet.RelayAgentInformation.IsPresent);
        Assert.False(packet.RelayAgentInformation.IsWellFormed);
        Assert.True(packet.RelayAgentInformation.CircuitId.IsEmpty);
        Assert.False(new DhcpPacket().RelayAgentInformation.IsPresent);
    }

    [Fact]
    public void Rfc4361_S6_1_client_identifier_type_255_carries_iaid_and_duid()
    {
        byte[] clientId = [255, 0, 0, 10, 3, 0, 1, 0, 1, 0x32, 0x95, 0x02, 0x58, 2, 0, 0, 0, 10, 3];
        var packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(61, clientId), [255])));
        var id = packet.ClientIdentifierOption;

        Assert.True(id.IsRfc4361);
        Assert.Equal(0x00000A03u, id.Iaid);
        Assert.Equal((ushort)1, id.DuidType);
        Assert.Equal(clientId[5..], id.Duid.ToArray());
        Assert.Equal(clientId, packet.ClientIdentifier.ToArray());
        Assert.False(id.IsHardwareAddress);
    }

    [Fact]
    public void Rfc2132_S9_14_client_identifier_with_a_hardware_type()
    {
        var packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(61, [1, .. TestPackets.Mac]), [255])));
        Assert.True(packet.ClientIdentifierOption.IsHardwareAddress);
        Assert.Equal(1, packet.ClientIdentifierOption.Type);
        Assert.Equal(TestPackets.Mac, packet.ClientIdentifierOption.Identifier.ToArray());
        Assert.False(packet.ClientIdentifierOption.IsRfc4361);
    }

    [Fact]
    public void Rfc4702_client_fqdn_in_canonical_encoding()
    {
        byte[] fqdn = [0x05, 0, 0, 4, (byte)'h', (byte)'o', (byte)'s', (byte)'t', 7, .. "example"u8, 4, .. "test"u8, 0];
        var packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(81, fqdn), [255])));
        var option = packet.ClientFqdn;

        Assert.True(option.IsPresent);
        Assert.True(option.IsCanonicalEncoding);
        Assert.Equal(0x05, option.Flags);
        Assert.True(option.TryGetName(out var name, out var fullyQualified));
        Assert.Equal("host.example.test.", name);
        Assert.True(fullyQualified);
    }

    [Fact]
    public void Rfc4702_client_fqdn_partial_canonical_and_ascii_names()
    {
        byte[] partial = [0x04, 0, 0, 4, .. "host"u8];
        byte[] ascii = [0x01, 0, 0, .. "host.example.test"u8];
        var packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(81, partial), [255])));
        Assert.True(packet.ClientFqdn.TryGetName(out var name, out var fullyQualified));
        Assert.Equal("host", name);
        Assert.False(fullyQualified);

        packet = Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(81, ascii), [255])));
        Assert.False(packet.ClientFqdn.IsCanonicalEncoding);
        Assert.True(packet.ClientFqdn.TryGetName(out name, out _));
        Assert.Equal("host.example.test", name);
    }

    [Fact]
    public void Rfc4578_pxe_architecture_and_machine_id()
    {
        byte[] guid = [0, .. Enumerable.Range(1, 16).Select(i => (byte)i)];
        var packet = Parse(RawFrame.Request(RawFrame.Concat(
            Discover, RawFrame.Option(93, 0, 7, 0, 9), RawFrame.Option(97, guid), RawFrame.Option(60, "PXEClient:Arch:00007"u8.ToArray()), RawFrame.Option(77, 4, 105, 80, 88, 69), [255])));

        Assert.True(packet.TryGetClientSystemArchitecture(out var architecture));
        Assert.Equal(7, architecture);
        Assert.Equal(4, packet.ClientSystemArchitectures.Length);
        Assert.Equal(guid, packet.ClientMachineId.ToArray());
        Assert.Equal("PXEClient:Arch:00007"u8.ToArray(), packet.VendorClass.ToArray());
        Assert.Equal(new byte[] { 4, 105, 80, 88, 69 }, packet.UserClass.ToArray());
    }

    [Fact]
    public void A_reused_packet_forgets_the_previous_message()
    {
        var packet = new DhcpPacket();
        Assert.Equal(DhcpParseError.None, packet.Parse(RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(12, 65), RawFrame.Option(52, 1), [255]))));
        Assert.Equal(DhcpParseError.None, packet.Parse(RawFrame.Request(53, 1, 3, 255)));

        Assert.False(packet.HasOption(12));
        Assert.Equal(0, packet.Overload);
        Assert.Equal(new byte[] { 53 }, packet.OptionCodes.ToArray());
        Assert.Equal(DhcpMessageType.Request, packet.MessageType);

        Assert.Equal(DhcpParseError.TruncatedHeader, packet.Parse([1, 2, 3]));
        Assert.False(packet.IsValid);
        Assert.Equal(DhcpMessageType.None, packet.MessageType);
        Assert.Equal(0u, packet.TransactionId);
    }

    [Fact]
    public void Parsing_with_a_reused_packet_allocates_nothing()
    {
        var packet = new DhcpPacket();
        var frame = RawFrame.Request(RawFrame.Concat(Discover, RawFrame.Option(12, 65, 66), RawFrame.Option(12, 67), RawFrame.Option(55, 1, 3, 6), [255]));
        packet.Parse(frame);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            packet.Parse(frame);
            _ = packet.TryGetOption(12, out _);
            _ = packet.RequestedAddress;
            _ = packet.RelayAgentInformation.CircuitId;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Allocation_is_proportional_to_the_input_for_large_frames()
    {
        // 60 000 bytes of empty options (the worst case for the option index) split over many instances
        var options = new List<byte>(Discover);
        for (var i = 0; i < 30_000; i++)
        {
            options.AddRange(RawFrame.Option((byte)((i % 150) + 100)));
        }

        var frame = RawFrame.Request([.. options, 255]);
        var packet = new DhcpPacket();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(DhcpParseError.None, packet.Parse(frame));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 3 * frame.Length, $"{allocated} bytes allocated for a {frame.Length}-byte frame");
        Assert.Equal(200, packet.OccurrencesOf(100));
        Assert.True(packet.TryGetOption(100, out var joined) && joined.IsEmpty);

        before = GC.GetAllocatedBytesForCurrentThread();
        var again = packet.Parse(frame);
        var allocatedAgain = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(DhcpParseError.None, again);
        Assert.Equal(0, allocatedAgain);
    }
}
