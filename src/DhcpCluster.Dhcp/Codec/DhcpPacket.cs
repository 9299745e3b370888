using System.Buffers.Binary;
using System.Text;
using DhcpCluster.Dhcp.Options;

namespace DhcpCluster.Dhcp.Codec;

/// <summary>
/// A parsed DHCPv4 message (RFC 2131 §2), designed to be reused: <see cref="TryParse"/> copies the frame into
/// the packet's own buffer and indexes its options, so after the first few packets a reused instance parses
/// without allocating. Every span it hands out points into that buffer and stays valid until the next parse.
/// Not thread-safe: one packet per actor or per receive loop.
/// </summary>
/// <remarks>
/// Options are read from the options field, then, as option 52 says, from file and from sname (RFC 2131 §4.1,
/// RFC 2132 §9.3). An option given several times is the concatenation of its instances in that order
/// (RFC 3396 §7). Only option 52 found in the options field counts.
/// </remarks>
public sealed class DhcpPacket
{
    private const int InitialCapacity = 2048;

    private readonly int[] _valueOffset = new int[256];
    private readonly int[] _valueLength = new int[256];
    private readonly int[] _occurrences = new int[256];
    private readonly int[] _totalLength = new int[256];
    private readonly int[] _copyCursor = new int[256];
    private readonly byte[] _codes = new byte[256];
    private byte[] _buffer = new byte[InitialCapacity];
    private int _codeCount;
    private bool _hasSplitOptions;
    private int _length;

    /// <summary>
    /// The error of the last parse; <see cref="DhcpParseError.None"/> when it succeeded. After a failure the header
    /// accessors still read what the frame holds (zeros past its end) and the options found before the error stay
    /// visible for logging (instances of a split option not yet joined); <see cref="MessageType"/> is <see cref="DhcpMessageType.None"/>.
    /// </summary>
    public DhcpParseError Error { get; private set; } = DhcpParseError.TruncatedHeader;

    /// <summary>True when the last parse succeeded.</summary>
    public bool IsValid => Error == DhcpParseError.None;

    /// <summary>The frame as received (the packet's copy).</summary>
    public ReadOnlySpan<byte> Frame => _buffer.AsSpan(0, _length);

    /// <summary>The number of bytes of the frame.</summary>
    public int Length => _length;

    /// <summary>op: BOOTREQUEST or BOOTREPLY.</summary>
    public DhcpOp Op => (DhcpOp)_buffer[0];

    /// <summary>htype: ARP hardware type (1 = Ethernet).</summary>
    public byte HardwareType => _buffer[1];

    /// <summary>hlen as sent (at most 16 in a valid packet).</summary>
    public byte HardwareLength => _buffer[2];

    /// <summary>hops, incremented by relays.</summary>
    public byte Hops => _buffer[3];

    /// <summary>xid.</summary>
    public uint TransactionId => BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(4));

    /// <summary>secs since the client began acquisition or renewal.</summary>
    public ushort Secs => BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(8));

    /// <summary>The flags field.</summary>
    public ushort Flags => BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(10));

    /// <summary>True when the client asked for broadcast replies (RFC 2131 §4.1).</summary>
    public bool IsBroadcast => (Flags & DhcpConstants.BroadcastFlag) != 0;

    /// <summary>ciaddr.</summary>
    public Ipv4Address ClientAddress => Ipv4Address.Read(_buffer.AsSpan(12));

    /// <summary>yiaddr.</summary>
    public Ipv4Address YourAddress => Ipv4Address.Read(_buffer.AsSpan(16));

    /// <summary>siaddr.</summary>
    public Ipv4Address ServerAddress => Ipv4Address.Read(_buffer.AsSpan(20));

    /// <summary>giaddr.</summary>
    public Ipv4Address RelayAddress => Ipv4Address.Read(_buffer.AsSpan(24));

    /// <summary>The first hlen bytes of chaddr (at most 16).</summary>
    public ReadOnlySpan<byte> ClientHardwareAddress =>
        _buffer.AsSpan(DhcpConstants.ClientHardwareAddressOffset, Math.Min(HardwareLength, (byte)DhcpConstants.ClientHardwareAddressSize));

    /// <summary>The option overload value (option 52): 0 none, 1 file, 2 sname, 3 both.</summary>
    public byte Overload { get; private set; }

    /// <summary>sname up to its first zero byte; empty when sname carries options.</summary>
    public ReadOnlySpan<byte> ServerName => (Overload & DhcpConstants.OverloadServerName) != 0
        ? default
        : UntilZero(_buffer.AsSpan(DhcpConstants.ServerNameOffset, DhcpConstants.ServerNameSize));

    /// <summary>file up to its first zero byte; empty when file carries options.</summary>
    public ReadOnlySpan<byte> BootFileName => (Overload & DhcpConstants.OverloadFile) != 0
        ? default
        : UntilZero(_buffer.AsSpan(DhcpConstants.BootFileNameOffset, DhcpConstants.BootFileNameSize));

    /// <summary>The message type from option 53.</summary>
    public DhcpMessageType MessageType { get; private set; }

    /// <summary>The distinct option codes present, in order of first appearance (options, file, sname).</summary>
    public ReadOnlySpan<byte> OptionCodes => _codes.AsSpan(0, _codeCount);

    /// <summary>Option 50, requested IP address; null when absent or not 4 bytes.</summary>
    public Ipv4Address? RequestedAddress => GetAddress(DhcpOptionCode.RequestedAddress);

    /// <summary>Option 54, server identifier; null when absent or not 4 bytes.</summary>
    public Ipv4Address? ServerIdentifier => GetAddress(DhcpOptionCode.ServerIdentifier);

    /// <summary>Option 118, subnet selection (RFC 3011); null when absent or not 4 bytes.</summary>
    public Ipv4Address? SubnetSelection => GetAddress(DhcpOptionCode.SubnetSelection);

    /// <summary>Option 55, the requested option codes in the client's order; empty when absent.</summary>
    public ReadOnlySpan<byte> ParameterRequestList => GetOrEmpty(DhcpOptionCode.ParameterRequestList);

    /// <summary>Option 57 as sent; null when absent or not 2 bytes.</summary>
    public ushort? MaxMessageSize =>
        TryGetOption(DhcpOptionCode.MaxMessageSize, out var value) && value.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(value) : null;

    /// <summary>The IP datagram size the client accepts: option 57, never below 576 (RFC 2132 §9.10).</summary>
    public int EffectiveMaxMessageSize => Math.Max((int)(MaxMessageSize ?? DhcpConstants.MinimumMaxMessageSize), DhcpConstants.MinimumMaxMessageSize);

    /// <summary>The largest DHCP payload to send this client: <see cref="EffectiveMaxMessageSize"/> minus 28 (IP + UDP).</summary>
    public int MaxReplyPayloadSize => DhcpConstants.MaxPayloadSize(MaxMessageSize);

    /// <summary>Option 61 as sent (the opaque client key, RFC 2131 §4.2); empty when absent.</summary>
    public ReadOnlySpan<byte> ClientIdentifier => GetOrEmpty(DhcpOptionCode.ClientIdentifier);

    /// <summary>Option 61 as a typed view (type, RFC 4361 IAID and DUID).</summary>
    public ClientIdentifierOption ClientIdentifierOption => new(ClientIdentifier);

    /// <summary>Option 12, host name bytes; empty when absent.</summary>
    public ReadOnlySpan<byte> HostName => GetOrEmpty(DhcpOptionCode.HostName);

    /// <summary>Option 60, vendor class identifier bytes; empty when absent.</summary>
    public ReadOnlySpan<byte> VendorClass => GetOrEmpty(DhcpOptionCode.VendorClassIdentifier);

    /// <summary>Option 77, user class bytes (RFC 3004 length-prefixed instances); empty when absent.</summary>
    public ReadOnlySpan<byte> UserClass => GetOrEmpty(DhcpOptionCode.UserClass);

    /// <summary>Option 93, client system architectures as raw bytes (2 bytes each, RFC 4578 §2.1); empty when absent.</summary>
    public ReadOnlySpan<byte> ClientSystemArchitectures => GetOrEmpty(DhcpOptionCode.ClientSystemArchitecture);

    /// <summary>Option 97, client machine identifier (type 0 + 16-byte GUID, RFC 4578 §2.3); empty when absent.</summary>
    public ReadOnlySpan<byte> ClientMachineId => GetOrEmpty(DhcpOptionCode.ClientMachineIdentifier);

    /// <summary>Option 82 as a view with sub-option access; <c>IsPresent</c> is false when absent.</summary>
    public RelayAgentInformationOption RelayAgentInformation =>
        TryGetOption(DhcpOptionCode.RelayAgentInformation, out var value) ? new RelayAgentInformationOption(value) : default;

    /// <summary>Option 81 as a view (flags, name); <c>IsPresent</c> is false when absent or shorter than 3 bytes.</summary>
    public ClientFqdnOption ClientFqdn => new(GetOrEmpty(DhcpOptionCode.ClientFqdn));

    /// <summary>Parses <paramref name="data"/> into <paramref name="into"/>; never throws on any input.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, DhcpPacket into, out DhcpParseError error)
    {
        ArgumentNullException.ThrowIfNull(into);
        error = into.Parse(data);
        return error == DhcpParseError.None;
    }

    /// <summary>Parses <paramref name="data"/> into this packet, replacing what it held; returns the error or None.</summary>
    public DhcpParseError Parse(ReadOnlySpan<byte> data)
    {
        Reset();
        EnsureCapacity(data.Length);
        data.CopyTo(_buffer);
        _length = data.Length;
        if (_length < DhcpConstants.OptionsOffset)
        {
            // keep the header accessors well defined (zeros) for what is missing
            _buffer.AsSpan(_length, DhcpConstants.OptionsOffset - _length).Clear();
        }

        Error = ParseCore();
        return Error;
    }

    /// <summary>True when the option is present (in any of the three fields).</summary>
    public bool HasOption(byte code) => _occurrences[code] > 0;

    /// <summary>True when the option is present.</summary>
    public bool HasOption(DhcpOptionCode code) => _occurrences[(byte)code] > 0;

    /// <summary>How many instances of the option the message carried (more than one means RFC 3396 splitting).</summary>
    public int OccurrencesOf(byte code) => _occurrences[code];

    /// <summary>The option's data, the concatenation of all its instances (RFC 3396 §7); false when absent.</summary>
    public bool TryGetOption(byte code, out ReadOnlySpan<byte> value)
    {
        if (_occurrences[code] == 0)
        {
            value = default;
            return false;
        }

        value = _buffer.AsSpan(_valueOffset[code], _valueLength[code]);
        return true;
    }

    /// <summary>The option's data; false when absent.</summary>
    public bool TryGetOption(DhcpOptionCode code, out ReadOnlySpan<byte> value) => TryGetOption((byte)code, out value);

    /// <summary>The option's data decoded as ASCII text (e.g. host name); null when absent.</summary>
    public string? GetOptionText(DhcpOptionCode code) =>
        TryGetOption(code, out var value) ? Encoding.ASCII.GetString(value) : null;

    /// <summary>The first client system architecture type of option 93; false when absent or shorter than 2 bytes.</summary>
    public bool TryGetClientSystemArchitecture(out ushort architecture)
    {
        var value = ClientSystemArchitectures;
        if (value.Length < 2)
        {
            architecture = 0;
            return false;
        }

        architecture = BinaryPrimitives.ReadUInt16BigEndian(value);
        return true;
    }

    private static ReadOnlySpan<byte> UntilZero(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return end < 0 ? field : field[..end];
    }

    private ReadOnlySpan<byte> GetOrEmpty(DhcpOptionCode code) => TryGetOption(code, out var value) ? value : default;

    private Ipv4Address? GetAddress(DhcpOptionCode code) =>
        TryGetOption(code, out var value) && Ipv4Address.TryParse(value, out var address) ? address : null;

    private void Reset()
    {
        foreach (var code in _codes.AsSpan(0, _codeCount))
        {
            _occurrences[code] = 0;
        }

        _codeCount = 0;
        _hasSplitOptions = false;
        Overload = 0;
        MessageType = DhcpMessageType.None;
    }

    private void EnsureCapacity(int frameLength)
    {
        // room for the frame plus, behind it, the concatenations of split options (at most the frame's size again)
        var needed = Math.Max(frameLength * 2, DhcpConstants.OptionsOffset);
        if (_buffer.Length < needed)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }
    }

    private DhcpParseError ParseCore()
    {
        if (_length < DhcpConstants.HeaderSize)
        {
            return DhcpParseError.TruncatedHeader;
        }

        if (_buffer[0] is not (byte)DhcpOp.BootRequest and not (byte)DhcpOp.BootReply)
        {
            return DhcpParseError.BadOp;
        }

        if (HardwareLength > DhcpConstants.ClientHardwareAddressSize)
        {
            return DhcpParseError.BadHardwareLength;
        }

        if (_length < DhcpConstants.OptionsOffset ||
            BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(DhcpConstants.MagicCookieOffset)) != DhcpConstants.MagicCookie)
        {
            return DhcpParseError.BadMagicCookie;
        }

        if (!ScanField(DhcpConstants.OptionsOffset, _length, copySplit: false))
        {
            return DhcpParseError.OptionOverrunsBuffer;
        }

        return ReadOverloadedFields();
    }

    private DhcpParseError ReadOverloadedFields()
    {
        var overloadCode = (byte)DhcpOptionCode.Overload;
        if (_occurrences[overloadCode] > 0)
        {
            if (_occurrences[overloadCode] != 1 || _valueLength[overloadCode] != 1 || _buffer[_valueOffset[overloadCode]] is < 1 or > 3)
            {
                return DhcpParseError.BadOverload;
            }

            Overload = _buffer[_valueOffset[overloadCode]];
        }

        if ((Overload & DhcpConstants.OverloadFile) != 0 &&
            !ScanField(DhcpConstants.BootFileNameOffset, DhcpConstants.BootFileNameOffset + DhcpConstants.BootFileNameSize, copySplit: false))
        {
            return DhcpParseError.OptionOverrunsBuffer;
        }

        if ((Overload & DhcpConstants.OverloadServerName) != 0 &&
            !ScanField(DhcpConstants.ServerNameOffset, DhcpConstants.ServerNameOffset + DhcpConstants.ServerNameSize, copySplit: false))
        {
            return DhcpParseError.OptionOverrunsBuffer;
        }

        ConcatenateSplitOptions();
        return ReadMessageType();
    }

    private DhcpParseError ReadMessageType()
    {
        var typeCode = (byte)DhcpOptionCode.MessageType;
        if (_occurrences[typeCode] == 0)
        {
            return DhcpParseError.MissingMessageType;
        }

        if (_valueLength[typeCode] != 1 || _buffer[_valueOffset[typeCode]] is 0 or > (byte)DhcpMessageType.Tls)
        {
            return DhcpParseError.BadMessageType;
        }

        MessageType = (DhcpMessageType)_buffer[_valueOffset[typeCode]];
        return DhcpParseError.None;
    }

    /// <summary>
    /// Indexes the options of one field [start, end); false when an option overruns it. With
    /// <paramref name="copySplit"/> (a second pass over fields already checked), appends the data of every option
    /// given more than once to its concatenation area instead.
    /// </summary>
    private bool ScanField(int start, int end, bool copySplit)
    {
        var position = start;
        while (position < end)
        {
            var code = _buffer[position];
            if (code == (byte)DhcpOptionCode.Pad)
            {
                position++;
                continue;
            }

            if (code == (byte)DhcpOptionCode.End)
            {
                return true;
            }

            if (position + 1 >= end)
            {
                return false;
            }

            var length = _buffer[position + 1];
            var dataStart = position + 2;
            if (dataStart + length > end)
            {
                return false;
            }

            if (copySplit)
            {
                CopySplit(code, dataStart, length);
            }
            else
            {
                Record(code, dataStart, length);
            }

            position = dataStart + length;
        }

        return true; // a field may end without End; the bytes are all accounted for
    }

    private void Record(byte code, int offset, int length)
    {
        if (_occurrences[code] == 0)
        {
            _codes[_codeCount++] = code;
            _valueOffset[code] = offset;
            _valueLength[code] = length;
            _totalLength[code] = length;
        }
        else
        {
            _totalLength[code] += length;
            _hasSplitOptions = true;
        }

        _occurrences[code]++;
    }

    private void CopySplit(byte code, int offset, int length)
    {
        if (_occurrences[code] > 1)
        {
            _buffer.AsSpan(offset, length).CopyTo(_buffer.AsSpan(_copyCursor[code]));
            _copyCursor[code] += length;
        }
    }

    /// <summary>
    /// RFC 3396 §7: the value of an option given several times is its instances' data joined in the order
    /// options, file, sname. The joined values go behind the frame in the packet's buffer (at most the frame's size).
    /// </summary>
    private void ConcatenateSplitOptions()
    {
        if (!_hasSplitOptions)
        {
            return;
        }

        var scratch = _length;
        foreach (var code in _codes.AsSpan(0, _codeCount))
        {
            if (_occurrences[code] > 1)
            {
                _valueOffset[code] = scratch;
                _valueLength[code] = _totalLength[code];
                _copyCursor[code] = scratch;
                scratch += _totalLength[code];
            }
        }

        ScanField(DhcpConstants.OptionsOffset, _length, copySplit: true);
        if ((Overload & DhcpConstants.OverloadFile) != 0)
        {
            ScanField(DhcpConstants.BootFileNameOffset, DhcpConstants.BootFileNameOffset + DhcpConstants.BootFileNameSize, copySplit: true);
        }

        if ((Overload & DhcpConstants.OverloadServerName) != 0)
        {
            ScanField(DhcpConstants.ServerNameOffset, DhcpConstants.ServerNameOffset + DhcpConstants.ServerNameSize, copySplit: true);
        }
    }
}
