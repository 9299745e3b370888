namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// A read-only view of option 82, relay agent information (RFC 3046 §2.0): a sequence of sub-options, each
/// code, length, data. Sub-option codes: circuit id 1 and remote id 2 (RFC 3046), link selection 5 (RFC 3527),
/// subscriber id 6 (RFC 3993), server identifier override 11 (RFC 5107).
/// </summary>
public readonly ref struct RelayAgentInformationOption
{
    /// <summary>Sub-option code of the agent circuit id (RFC 3046 §2.1).</summary>
    public const byte CircuitIdCode = 1;

    /// <summary>Sub-option code of the agent remote id (RFC 3046 §2.2).</summary>
    public const byte RemoteIdCode = 2;

    /// <summary>Sub-option code of link selection (RFC 3527 §3).</summary>
    public const byte LinkSelectionCode = 5;

    /// <summary>Sub-option code of the subscriber id (RFC 3993).</summary>
    public const byte SubscriberIdCode = 6;

    /// <summary>Sub-option code of server identifier override (RFC 5107 §4).</summary>
    public const byte ServerIdentifierOverrideCode = 11;

    /// <summary>Creates a view over the option's data (without the option's own code and length).</summary>
    public RelayAgentInformationOption(ReadOnlySpan<byte> data)
    {
        Data = data;
        IsPresent = true;
    }

    /// <summary>The whole option data, as the relay sent it (to be echoed unchanged, RFC 3046 §2.2).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>False for the default value (the packet carried no option 82).</summary>
    public bool IsPresent { get; }

    /// <summary>True when every sub-option's length stays inside the option data.</summary>
    public bool IsWellFormed
    {
        get
        {
            var position = 0;
            while (position < Data.Length)
            {
                if (position + 2 > Data.Length || position + 2 + Data[position + 1] > Data.Length)
                {
                    return false;
                }

                position += 2 + Data[position + 1];
            }

            return true;
        }
    }

    /// <summary>The agent circuit id (sub-option 1), empty when absent.</summary>
    public ReadOnlySpan<byte> CircuitId => TryGetSubOption(CircuitIdCode, out var value) ? value : default;

    /// <summary>The agent remote id (sub-option 2), empty when absent.</summary>
    public ReadOnlySpan<byte> RemoteId => TryGetSubOption(RemoteIdCode, out var value) ? value : default;

    /// <summary>The link selection address (sub-option 5), null when absent or not 4 bytes.</summary>
    public Ipv4Address? LinkSelection => TryGetAddress(LinkSelectionCode);

    /// <summary>The server identifier override (sub-option 11), null when absent or not 4 bytes.</summary>
    public Ipv4Address? ServerIdentifierOverride => TryGetAddress(ServerIdentifierOverrideCode);

    /// <summary>The first sub-option with the code; false when absent or when the data is malformed before it.</summary>
    public bool TryGetSubOption(byte code, out ReadOnlySpan<byte> value)
    {
        foreach (var subOption in this)
        {
            if (subOption.Code == code)
            {
                value = subOption.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Enumerates the sub-options in order; stops at the first malformed one.</summary>
    public Enumerator GetEnumerator() => new(Data);

    private Ipv4Address? TryGetAddress(byte code) =>
        TryGetSubOption(code, out var value) && Ipv4Address.TryParse(value, out var address) ? address : null;

    /// <summary>One sub-option.</summary>
    public readonly ref struct SubOption
    {
        internal SubOption(byte code, ReadOnlySpan<byte> value)
        {
            Code = code;
            Value = value;
        }

        /// <summary>The sub-option code.</summary>
        public byte Code { get; }

        /// <summary>The sub-option data.</summary>
        public ReadOnlySpan<byte> Value { get; }
    }

    /// <summary>Walks the sub-options without allocating.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _next;

        internal Enumerator(ReadOnlySpan<byte> data)
        {
            _data = data;
            _next = 0;
            Current = default;
        }

        /// <summary>The current sub-option.</summary>
        public SubOption Current { get; private set; }

        /// <summary>Advances; false at the end or at a sub-option that overruns the data.</summary>
        public bool MoveNext()
        {
            if (_next + 2 > _data.Length)
            {
                return false;
            }

            var length = _data[_next + 1];
            if (_next + 2 + length > _data.Length)
            {
                _next = _data.Length;
                return false;
            }

            Current = new SubOption(_data[_next], _data.Slice(_next + 2, length));
            _next += 2 + length;
            return true;
        }
    }
}
