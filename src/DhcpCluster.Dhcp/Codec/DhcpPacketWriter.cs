using System.Buffers.Binary;

namespace DhcpCluster.Dhcp.Codec;

/// <summary>
/// Writes one DHCPv4 message into a caller-supplied buffer without allocating: the fixed header (RFC 2131 §2),
/// the magic cookie, options in the order they are written, End, and zero padding up to the BOOTP minimum of
/// 300 bytes (<see cref="DhcpConstants.MinimumMessageSize"/>).
/// </summary>
/// <remarks>
/// <para>Size rule: the message never exceeds <c>maxMessageSize</c> bytes of DHCP payload. For a reply, pass
/// <see cref="DhcpPacket.MaxReplyPayloadSize"/> (the client's option 57, raised to 576, minus 28 bytes of IP and
/// UDP headers, RFC 2131 §2 and RFC 2132 §9.10), which is 548 for a client that sent no option 57.</para>
/// <para>An option longer than 255 bytes is written as consecutive instances of at most 255 bytes (RFC 3396 §5).
/// When an option does not fit in the options field and overload is allowed, it goes to file and then to sname
/// and option 52 is added (RFC 2132 §9.3); file and sname that carry a boot file name or server name are never
/// used. An option that fits nowhere is dropped as a whole (never half written): <see cref="WriteOption(byte, ReadOnlySpan{byte})"/>
/// returns false and <see cref="WasDropped"/> tells which ones. 3 bytes of the options field stay reserved for
/// option 52 while overload is possible but unused.</para>
/// <para>Write each code once: receivers join all instances of a code into one value (RFC 3396 §7). Set sname and
/// file (<see cref="SetServerName"/>, <see cref="SetBootFileName"/>) before writing options.</para>
/// </remarks>
public ref struct DhcpPacketWriter
{
    private const int MaxChunk = 255;
    private const int OverloadOptionSize = 3;
    private const int FileStart = DhcpConstants.BootFileNameOffset;
    private const int FileEnd = DhcpConstants.BootFileNameOffset + DhcpConstants.BootFileNameSize;
    private const int NameStart = DhcpConstants.ServerNameOffset;
    private const int NameEnd = DhcpConstants.ServerNameOffset + DhcpConstants.ServerNameSize;

    private readonly Span<byte> _buffer;
    private readonly int _limit;
    private readonly bool _allowOverload;
    private Positions _at;
    private bool _fileHoldsName;
    private bool _serverNameHoldsName;
    private bool _finished;
    private bool _fieldsTouched;
    private ulong _dropped0;
    private ulong _dropped1;
    private ulong _dropped2;
    private ulong _dropped3;

    /// <summary>Starts a message in <paramref name="buffer"/> of at most <paramref name="maxMessageSize"/> bytes.</summary>
    /// <param name="buffer">Where the message is written; its length also caps the size.</param>
    /// <param name="maxMessageSize">Largest DHCP payload to produce (see remarks); at least 244.</param>
    /// <param name="allowOverload">Whether file and sname may carry options (RFC 2132 §9.3).</param>
    /// <exception cref="ArgumentException">The buffer or the limit is too small for a DHCP message.</exception>
    public DhcpPacketWriter(Span<byte> buffer, int maxMessageSize = DhcpConstants.DefaultMaxPayloadSize, bool allowOverload = true)
    {
        _limit = Math.Min(buffer.Length, maxMessageSize);
        if (_limit < DhcpConstants.OptionsOffset + 4)
        {
            throw new ArgumentException(
                $"A DHCP message needs at least {DhcpConstants.OptionsOffset + 4} bytes (buffer {buffer.Length}, limit {maxMessageSize}).",
                nameof(buffer));
        }

        _buffer = buffer;
        _allowOverload = allowOverload;
        _at = new Positions(DhcpConstants.OptionsOffset, -1, -1, -1);
        buffer[..DhcpConstants.OptionsOffset].Clear();
        buffer[0] = (byte)DhcpOp.BootReply;
        BinaryPrimitives.WriteUInt32BigEndian(buffer[DhcpConstants.MagicCookieOffset..], DhcpConstants.MagicCookie);
    }

    /// <summary>The size limit in force (the smaller of the buffer and the requested maximum).</summary>
    public readonly int MaxMessageSize => _limit;

    /// <summary>Number of options dropped because they did not fit.</summary>
    public int DroppedCount { get; private set; }

    /// <summary>True when file or sname carry options (option 52 is written).</summary>
    public readonly bool IsOverloaded => _at.OverloadValue >= 0;

    /// <summary>op; BOOTREPLY until set otherwise.</summary>
    public readonly DhcpOp Op { get => (DhcpOp)_buffer[0]; set => _buffer[0] = (byte)value; }

    /// <summary>htype.</summary>
    public readonly byte HardwareType { get => _buffer[1]; set => _buffer[1] = value; }

    /// <summary>hlen; also set by <see cref="SetClientHardwareAddress"/>.</summary>
    public readonly byte HardwareLength { get => _buffer[2]; set => _buffer[2] = value; }

    /// <summary>hops.</summary>
    public readonly byte Hops { get => _buffer[3]; set => _buffer[3] = value; }

    /// <summary>xid.</summary>
    public readonly uint TransactionId
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_buffer[4..]);
        set => BinaryPrimitives.WriteUInt32BigEndian(_buffer[4..], value);
    }

    /// <summary>secs.</summary>
    public readonly ushort Secs
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_buffer[8..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_buffer[8..], value);
    }

    /// <summary>flags.</summary>
    public readonly ushort Flags
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_buffer[10..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_buffer[10..], value);
    }

    /// <summary>ciaddr.</summary>
    public readonly Ipv4Address ClientAddress { get => Ipv4Address.Read(_buffer[12..]); set => value.WriteTo(_buffer[12..]); }

    /// <summary>yiaddr.</summary>
    public readonly Ipv4Address YourAddress { get => Ipv4Address.Read(_buffer[16..]); set => value.WriteTo(_buffer[16..]); }

    /// <summary>siaddr (next server).</summary>
    public readonly Ipv4Address ServerAddress { get => Ipv4Address.Read(_buffer[20..]); set => value.WriteTo(_buffer[20..]); }

    /// <summary>giaddr.</summary>
    public readonly Ipv4Address RelayAddress { get => Ipv4Address.Read(_buffer[24..]); set => value.WriteTo(_buffer[24..]); }

    /// <summary>
    /// Fills the header of a reply to <paramref name="request"/> as RFC 2131 §4.3.1 table 3 says: op BOOTREPLY,
    /// htype, hlen, xid, flags, giaddr and chaddr copied; hops and secs 0. ciaddr, yiaddr and siaddr stay 0.
    /// </summary>
    public readonly void BeginReply(DhcpPacket request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var frame = request.Frame;
        if (frame.Length < DhcpConstants.HeaderSize)
        {
            throw new ArgumentException("The request has no complete header.", nameof(request));
        }

        Op = DhcpOp.BootReply;
        HardwareType = request.HardwareType;
        HardwareLength = request.HardwareLength;
        Hops = 0;
        TransactionId = request.TransactionId;
        Secs = 0;
        Flags = request.Flags;
        RelayAddress = request.RelayAddress;
        frame.Slice(DhcpConstants.ClientHardwareAddressOffset, DhcpConstants.ClientHardwareAddressSize)
            .CopyTo(_buffer[DhcpConstants.ClientHardwareAddressOffset..]);
    }

    /// <summary>Writes chaddr (at most 16 bytes, the rest zero) and sets hlen to its length.</summary>
    public readonly void SetClientHardwareAddress(ReadOnlySpan<byte> address)
    {
        if (address.Length > DhcpConstants.ClientHardwareAddressSize)
        {
            throw new ArgumentException("chaddr holds at most 16 bytes.", nameof(address));
        }

        var field = _buffer.Slice(DhcpConstants.ClientHardwareAddressOffset, DhcpConstants.ClientHardwareAddressSize);
        field.Clear();
        address.CopyTo(field);
        HardwareLength = (byte)address.Length;
    }

    /// <summary>Writes sname (at most 63 bytes, NUL-terminated); sname is then not used for overload.</summary>
    public void SetServerName(ReadOnlySpan<byte> name)
    {
        if (_at.ServerName >= 0)
        {
            throw new InvalidOperationException("sname already carries options; set the server name before writing options.");
        }

        WriteField(name, NameStart, DhcpConstants.ServerNameSize);
        _serverNameHoldsName = !name.IsEmpty;
    }

    /// <summary>Writes file (at most 127 bytes, NUL-terminated); file is then not used for overload.</summary>
    public void SetBootFileName(ReadOnlySpan<byte> name)
    {
        if (_at.File >= 0)
        {
            throw new InvalidOperationException("file already carries options; set the boot file name before writing options.");
        }

        WriteField(name, FileStart, DhcpConstants.BootFileNameSize);
        _fileHoldsName = !name.IsEmpty;
    }

    /// <summary>Writes option 53.</summary>
    public bool WriteMessageType(DhcpMessageType type)
    {
        Span<byte> value = [(byte)type];
        return WriteOption((byte)DhcpOptionCode.MessageType, value);
    }

    /// <summary>Writes an option holding one address (e.g. 54, 1).</summary>
    public bool WriteOption(DhcpOptionCode code, Ipv4Address address)
    {
        Span<byte> value = stackalloc byte[Ipv4Address.Size];
        address.WriteTo(value);
        return WriteOption((byte)code, value);
    }

    /// <summary>Writes an option holding one 32-bit unsigned integer (e.g. 51, 58, 59).</summary>
    public bool WriteUInt32Option(DhcpOptionCode code, uint value)
    {
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(data, value);
        return WriteOption((byte)code, data);
    }

    /// <summary>Writes an option holding one 16-bit unsigned integer (e.g. 57, 26).</summary>
    public bool WriteUInt16Option(DhcpOptionCode code, ushort value)
    {
        Span<byte> data = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(data, value);
        return WriteOption((byte)code, data);
    }

    /// <summary>Writes an option.</summary>
    public bool WriteOption(DhcpOptionCode code, scoped ReadOnlySpan<byte> value) => WriteOption((byte)code, value);

    /// <summary>
    /// Writes an option, split into instances of at most 255 bytes; false (and nothing written) when it does not fit.
    /// Codes 0 (Pad), 255 (End) and 52 (overload, managed by the writer) are refused.
    /// </summary>
    public bool WriteOption(byte code, scoped ReadOnlySpan<byte> value) => WriteOption(code, value, splitAlignment: 1);

    /// <summary>
    /// Writes an option as <see cref="WriteOption(byte, ReadOnlySpan{byte})"/> does, but splits a long value only at
    /// multiples of <paramref name="splitAlignment"/> (e.g. 4 for a list of addresses: instances of 252 bytes), so that
    /// a receiver that does not join instances (RFC 3396 is not universal) still reads whole elements.
    /// </summary>
    public bool WriteOption(byte code, scoped ReadOnlySpan<byte> value, int splitAlignment)
    {
        if (code is (byte)DhcpOptionCode.Pad or (byte)DhcpOptionCode.End or (byte)DhcpOptionCode.Overload)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "Pad, End and option 52 are written by the writer itself.");
        }

        if (splitAlignment is < 1 or > MaxChunk)
        {
            throw new ArgumentOutOfRangeException(nameof(splitAlignment), splitAlignment, "The split alignment is 1-255.");
        }

        if (_finished)
        {
            throw new InvalidOperationException("The message is finished.");
        }

        var maxChunk = MaxChunk - (MaxChunk % splitAlignment);
        var saved = _at;
        var remaining = value;
        var area = Area.Options;
        do
        {
            var chunk = remaining[..Math.Min(maxChunk, remaining.Length)];
            if (!TryPlace(code, chunk, ref area))
            {
                _at = saved;
                MarkDropped(code);
                return false;
            }

            remaining = remaining[chunk.Length..];
        }
        while (!remaining.IsEmpty);

        return true;
    }

    /// <summary>True when an option with this code was dropped for lack of room.</summary>
    public readonly bool WasDropped(byte code) => (code >> 6) switch
    {
        0 => (_dropped0 & (1UL << (code & 63))) != 0,
        1 => (_dropped1 & (1UL << (code & 63))) != 0,
        2 => (_dropped2 & (1UL << (code & 63))) != 0,
        _ => (_dropped3 & (1UL << (code & 63))) != 0,
    };

    /// <summary>
    /// Ends the message: End in every field that carries options, option 52's value, zero padding to the
    /// 300-byte minimum (or the limit, when smaller). Returns the message length.
    /// </summary>
    public int Finish()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The message is finished.");
        }

        _finished = true;
        byte overload = 0;
        if (!_fileHoldsName)
        {
            overload |= CloseField(_at.File, FileStart, FileEnd, DhcpConstants.OverloadFile);
        }

        if (!_serverNameHoldsName)
        {
            overload |= CloseField(_at.ServerName, NameStart, NameEnd, DhcpConstants.OverloadServerName);
        }

        if (_at.OverloadValue >= 0)
        {
            _buffer[_at.OverloadValue] = overload;
        }

        _buffer[_at.Options++] = (byte)DhcpOptionCode.End;
        var length = Math.Max(_at.Options, Math.Min(DhcpConstants.MinimumMessageSize, _limit));
        _buffer[_at.Options..length].Clear();
        return length;
    }

    private readonly byte CloseField(int position, int start, int end, byte flag)
    {
        if (position < 0)
        {
            if (_fieldsTouched)
            {
                _buffer[start..end].Clear(); // remove what a dropped option may have left
            }

            return 0;
        }

        if (position < end)
        {
            _buffer[position] = (byte)DhcpOptionCode.End;
            _buffer[(position + 1)..end].Clear();
        }

        return flag;
    }

    private readonly void WriteField(ReadOnlySpan<byte> name, int start, int size)
    {
        if (name.Length >= size)
        {
            throw new ArgumentException($"The field holds at most {size - 1} bytes and a terminating zero.", nameof(name));
        }

        var field = _buffer.Slice(start, size);
        field.Clear();
        name.CopyTo(field);
    }

    /// <summary>
    /// Places one instance in the first field with room, never in a field before <paramref name="area"/>: the
    /// instances of a split option must stay in the concatenation order of RFC 3396 §7 (options, file, sname).
    /// </summary>
    private bool TryPlace(byte code, scoped ReadOnlySpan<byte> chunk, ref Area area)
    {
        var size = 2 + chunk.Length;
        var overloadPossible = _allowOverload && (!_fileHoldsName || !_serverNameHoldsName);
        var reserve = overloadPossible && _at.OverloadValue < 0 ? OverloadOptionSize : 0;
        if (area == Area.Options && _at.Options + size <= _limit - 1 - reserve)
        {
            Put(_at.Options, code, chunk);
            _at.Options += size;
            return true;
        }

        if (!overloadPossible)
        {
            return false;
        }

        if (area <= Area.File && !_fileHoldsName)
        {
            var position = _at.File < 0 ? FileStart : _at.File;
            if (position + size <= FileEnd - 1)
            {
                _fieldsTouched = true;
                EnsureOverloadOption();
                Put(position, code, chunk);
                _at.File = position + size;
                area = Area.File;
                return true;
            }
        }

        if (!_serverNameHoldsName)
        {
            var position = _at.ServerName < 0 ? NameStart : _at.ServerName;
            if (position + size <= NameEnd - 1)
            {
                _fieldsTouched = true;
                EnsureOverloadOption();
                Put(position, code, chunk);
                _at.ServerName = position + size;
                area = Area.ServerName;
                return true;
            }
        }

        return false;
    }

    private void EnsureOverloadOption()
    {
        if (_at.OverloadValue >= 0)
        {
            return;
        }

        _buffer[_at.Options] = (byte)DhcpOptionCode.Overload;
        _buffer[_at.Options + 1] = 1;
        _at.OverloadValue = _at.Options + 2;
        _at.Options += OverloadOptionSize;
    }

    private readonly void Put(int position, byte code, scoped ReadOnlySpan<byte> chunk)
    {
        _buffer[position] = code;
        _buffer[position + 1] = (byte)chunk.Length;
        chunk.CopyTo(_buffer[(position + 2)..]);
    }

    private void MarkDropped(byte code)
    {
        if (WasDropped(code))
        {
            return;
        }

        DroppedCount++;
        var bit = 1UL << (code & 63);
        switch (code >> 6)
        {
            case 0: _dropped0 |= bit; break;
            case 1: _dropped1 |= bit; break;
            case 2: _dropped2 |= bit; break;
            default: _dropped3 |= bit; break;
        }
    }

    private enum Area
    {
        Options,
        File,
        ServerName,
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    private struct Positions(int options, int file, int serverName, int overloadValue)
    {
        public int Options = options;
        public int File = file;
        public int ServerName = serverName;
        public int OverloadValue = overloadValue;
    }
}
