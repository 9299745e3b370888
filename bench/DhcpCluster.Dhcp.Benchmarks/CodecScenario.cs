using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Options;

namespace DhcpCluster.Dhcp.Benchmarks;

/// <summary>
/// One core's work per packet for the codec: parse a client's DISCOVER (or REQUEST) into a reused
/// <see cref="DhcpPacket"/> and write the OFFER (or ACK) into a reused buffer, with the options a server sends,
/// ordered by the client's parameter request list and capped at its maximum message size. The requests have the
/// shape of dhcpcd 9's (RFC 4361 client id, PRL, option 57, vendor class, host name; about 320 bytes).
/// </summary>
public sealed class CodecScenario
{
    private readonly DhcpPacket _request = new();
    private readonly byte[] _reply = new byte[1500];
    private readonly byte[]?[] _configured = new byte[]?[256];
    private readonly Ipv4Address _serverId = Ipv4Address.Parse("192.0.2.1");
    private readonly Ipv4Address _offered = Ipv4Address.Parse("192.0.2.100");

    /// <summary>Builds the request frames and the configured option values (encoded from Kea's text once, as at start-up).</summary>
    public CodecScenario()
    {
        Discover = BuildRequest(DhcpMessageType.Discover);
        Request = BuildRequest(DhcpMessageType.Request);
        Configure("subnet-mask", "255.255.255.0");
        Configure("routers", "192.0.2.1");
        Configure("domain-name-servers", "192.0.2.53, 192.0.2.54");
        Configure("domain-name", "example.test");
        Configure("interface-mtu", "1500");
        Configure("static-routes", "198.51.100.0, 192.0.2.1");
        Configure("ntp-servers", "192.0.2.123");
    }

    /// <summary>The DISCOVER frame.</summary>
    public byte[] Discover { get; }

    /// <summary>The REQUEST frame.</summary>
    public byte[] Request { get; }

    /// <summary>The last reply written.</summary>
    public ReadOnlySpan<byte> LastReply => _reply.AsSpan(0, LastReplyLength);

    /// <summary>Length of the last reply.</summary>
    public int LastReplyLength { get; private set; }

    /// <summary>Parses the DISCOVER and writes the OFFER; returns the reply length.</summary>
    public int DiscoverToOffer() => Answer(Discover, DhcpMessageType.Offer);

    /// <summary>Parses the REQUEST and writes the ACK; returns the reply length.</summary>
    public int RequestToAck() => Answer(Request, DhcpMessageType.Ack);

    private int Answer(byte[] frame, DhcpMessageType replyType)
    {
        if (_request.Parse(frame) != DhcpParseError.None)
        {
            throw new InvalidOperationException($"benchmark request does not parse: {_request.Error}");
        }

        var writer = new DhcpPacketWriter(_reply, _request.MaxReplyPayloadSize);
        writer.BeginReply(_request);
        writer.YourAddress = _request.RequestedAddress ?? _offered;
        writer.WriteMessageType(replyType);
        writer.WriteOption(DhcpOptionCode.ServerIdentifier, _serverId);
        writer.WriteUInt32Option(DhcpOptionCode.LeaseTime, 3600);
        foreach (var code in _request.ParameterRequestList)
        {
            if (_configured[code] is { } value)
            {
                writer.WriteOption(code, value);
            }
            else if (code == (byte)DhcpOptionCode.RenewalTime)
            {
                writer.WriteUInt32Option(DhcpOptionCode.RenewalTime, 1800);
            }
            else if (code == (byte)DhcpOptionCode.RebindingTime)
            {
                writer.WriteUInt32Option(DhcpOptionCode.RebindingTime, 3150);
            }
        }

        if (_request.TryGetOption(DhcpOptionCode.ClientIdentifier, out var clientId))
        {
            writer.WriteOption(DhcpOptionCode.ClientIdentifier, clientId); // RFC 6842
        }

        LastReplyLength = writer.Finish();
        return LastReplyLength;
    }

    private void Configure(string name, string data)
    {
        if (!StandardOptions.TryGet(name, out var definition))
        {
            throw new InvalidOperationException($"unknown option {name}");
        }

        _configured[definition.Code] = OptionData.Encode(definition, data);
    }

    private static byte[] BuildRequest(DhcpMessageType type)
    {
        var buffer = new byte[1500];
        var writer = new DhcpPacketWriter(buffer, buffer.Length);
        writer.Op = DhcpOp.BootRequest;
        writer.HardwareType = 1;
        writer.SetClientHardwareAddress([0x02, 0x00, 0x00, 0x00, 0x0a, 0x03]);
        writer.TransactionId = 0x96fd8d30;
        if (type == DhcpMessageType.Request)
        {
            writer.WriteOption(DhcpOptionCode.RequestedAddress, Ipv4Address.Parse("192.0.2.100"));
        }

        writer.WriteMessageType(type);
        if (type == DhcpMessageType.Request)
        {
            writer.WriteOption(DhcpOptionCode.ServerIdentifier, Ipv4Address.Parse("192.0.2.1"));
        }

        writer.WriteOption(DhcpOptionCode.ParameterRequestList, [1, 121, 33, 3, 6, 15, 26, 42, 51, 58, 59]);
        writer.WriteUInt16Option(DhcpOptionCode.MaxMessageSize, 1500);
        writer.WriteOption(DhcpOptionCode.ClientIdentifier, [255, 0, 0, 10, 3, 0, 1, 0, 1, 0x32, 0x95, 0x02, 0x58, 2, 0, 0, 0, 10, 3]);
        writer.WriteOption(DhcpOptionCode.VendorClassIdentifier, "dhcpcd-9.4.1:Linux-6.1.0-amd64:x86_64:GenuineIntel"u8);
        writer.WriteOption(DhcpOptionCode.HostName, "bench-client"u8);
        writer.WriteOption(145, [1]);
        var length = writer.Finish();
        return buffer[..length];
    }
}
