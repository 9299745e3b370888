namespace DhcpCluster.Dhcp.Configuration;

/// <summary>
/// A Kea <c>reservations[]</c> entry. Exactly one identifier is set (Kea's <c>hw-address</c>, <c>client-id</c>,
/// <c>circuit-id</c> or <c>duid</c>); the reserved address, hostname, options, classes and boot fields apply to the
/// client it identifies.
/// </summary>
public sealed class HostReservation
{
    /// <summary>Kea's <c>hw-address</c>: the chaddr bytes (hardware type Ethernet is implied when matching).</summary>
    public ReadOnlyMemory<byte>? HwAddress { get; init; }

    /// <summary>Kea's <c>client-id</c>: the whole option 61 value, type byte included.</summary>
    public ReadOnlyMemory<byte>? ClientId { get; init; }

    /// <summary>Kea's <c>circuit-id</c>: the relay agent information sub-option 1 value.</summary>
    public ReadOnlyMemory<byte>? CircuitId { get; init; }

    /// <summary>Kea's <c>duid</c>: the DUID carried in an RFC 4361 client identifier.</summary>
    public ReadOnlyMemory<byte>? Duid { get; init; }

    /// <summary>Kea's <c>ip-address</c>: the reserved address, if any (a reservation may carry only options or classes).</summary>
    public Ipv4Address? IpAddress { get; init; }

    /// <summary>Kea's <c>hostname</c>, sent as option 12.</summary>
    public string? Hostname { get; init; }

    /// <summary>Kea's <c>option-data</c> of the reservation: highest precedence.</summary>
    public OptionDataSet OptionData { get; init; } = OptionDataSet.Empty;

    /// <summary>Kea's <c>client-classes</c>: classes the reserved client is made a member of.</summary>
    public IReadOnlyList<string> ClientClasses { get; init; } = [];

    /// <summary>Kea's <c>next-server</c> (siaddr).</summary>
    public Ipv4Address? NextServer { get; init; }

    /// <summary>Kea's <c>server-hostname</c> (sname).</summary>
    public string? ServerHostname { get; init; }

    /// <summary>Kea's <c>boot-file-name</c> (file).</summary>
    public string? BootFileName { get; init; }

    /// <summary>The identifier kind this reservation is keyed by, and its value.</summary>
    public (HostReservationIdentifier Kind, ReadOnlyMemory<byte> Value) Identifier
    {
        get
        {
            var count = (HwAddress.HasValue ? 1 : 0) + (ClientId.HasValue ? 1 : 0) + (CircuitId.HasValue ? 1 : 0) + (Duid.HasValue ? 1 : 0);
            if (count != 1)
            {
                throw new InvalidOperationException("a reservation needs exactly one of hw-address, client-id, circuit-id, duid");
            }

            if (HwAddress is { } hw)
            {
                return (HostReservationIdentifier.HwAddress, hw);
            }

            if (ClientId is { } id)
            {
                return (HostReservationIdentifier.ClientId, id);
            }

            return CircuitId is { } circuit ? (HostReservationIdentifier.CircuitId, circuit) : (HostReservationIdentifier.Duid, Duid!.Value);
        }
    }

    /// <summary>Parses Kea's hexadecimal identifier text (<c>"01:aa:bb:cc:dd:ee:ff"</c>, <c>"01aabbccddeeff"</c> or <c>"0x01aa..."</c>).</summary>
    public static byte[] ParseHexIdentifier(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        var bytes = new List<byte>(span.Length / 2 + 1);
        if (span.IndexOfAny(':', '-', ' ') < 0)
        {
            if (span.Length == 0 || span.Length % 2 != 0)
            {
                throw new FormatException($"identifier '{text}': expected an even, non-zero number of hexadecimal digits");
            }

            for (var i = 0; i < span.Length; i += 2)
            {
                bytes.Add((byte)((Digit(span[i], text) << 4) | Digit(span[i + 1], text)));
            }

            return [.. bytes];
        }

        foreach (var range in span.SplitAny(':', '-', ' '))
        {
            var group = span[range];
            if (group.Length is 0 or > 2)
            {
                throw new FormatException($"identifier '{text}': each group between separators needs one or two hexadecimal digits");
            }

            bytes.Add((byte)(group.Length == 1 ? Digit(group[0], text) : (Digit(group[0], text) << 4) | Digit(group[1], text)));
        }

        return [.. bytes];
    }

    private static int Digit(char c, string text)
    {
        var v = HexValue(c);
        return v >= 0 ? v : throw new FormatException($"identifier '{text}': '{c}' is not a hexadecimal digit");
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
