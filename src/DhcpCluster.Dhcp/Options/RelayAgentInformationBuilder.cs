namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// Builds the data of option 82 (RFC 3046 §2.0) from sub-options, e.g. to test relayed traffic or to configure
/// expected values. The whole option holds at most 255 bytes.
/// </summary>
public sealed class RelayAgentInformationBuilder
{
    private readonly List<byte> _data = [];

    /// <summary>Adds a sub-option.</summary>
    /// <exception cref="ArgumentException">The sub-option is longer than 255 bytes or the option would exceed 255 bytes.</exception>
    public RelayAgentInformationBuilder Add(byte code, ReadOnlySpan<byte> value)
    {
        if (value.Length > 255 || _data.Count + 2 + value.Length > 255)
        {
            throw new ArgumentException("Option 82 and each of its sub-options hold at most 255 bytes (RFC 3046 §2.0).", nameof(value));
        }

        _data.Add(code);
        _data.Add((byte)value.Length);
        _data.AddRange(value);
        return this;
    }

    /// <summary>Adds the agent circuit id (sub-option 1).</summary>
    public RelayAgentInformationBuilder CircuitId(ReadOnlySpan<byte> value) => Add(RelayAgentInformationOption.CircuitIdCode, value);

    /// <summary>Adds the agent remote id (sub-option 2).</summary>
    public RelayAgentInformationBuilder RemoteId(ReadOnlySpan<byte> value) => Add(RelayAgentInformationOption.RemoteIdCode, value);

    /// <summary>Adds link selection (sub-option 5, RFC 3527).</summary>
    public RelayAgentInformationBuilder LinkSelection(Ipv4Address address) => AddAddress(RelayAgentInformationOption.LinkSelectionCode, address);

    /// <summary>Adds server identifier override (sub-option 11, RFC 5107).</summary>
    public RelayAgentInformationBuilder ServerIdentifierOverride(Ipv4Address address) =>
        AddAddress(RelayAgentInformationOption.ServerIdentifierOverrideCode, address);

    /// <summary>The option data.</summary>
    public byte[] ToArray() => [.. _data];

    private RelayAgentInformationBuilder AddAddress(byte code, Ipv4Address address)
    {
        Span<byte> value = stackalloc byte[Ipv4Address.Size];
        address.WriteTo(value);
        return Add(code, value);
    }
}
