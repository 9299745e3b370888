namespace DhcpCluster.Dhcp.Configuration;

/// <summary>
/// One entry of Kea's <c>option-data</c>, already encoded to its wire value (the text form is encoded by the
/// option definition table when configuration is bound).
/// </summary>
/// <param name="Code">The option code (1..254).</param>
/// <param name="Value">The option's wire value, without code and length; may be longer than 255 bytes (RFC 3396).</param>
/// <param name="AlwaysSend">Kea's <c>always-send</c>: sent even when the client did not ask for it in option 55.</param>
public sealed record OptionDataItem(byte Code, ReadOnlyMemory<byte> Value, bool AlwaysSend = false)
{
    /// <summary>Creates an item from a byte array.</summary>
    public static OptionDataItem Create(byte code, params byte[] value) => new(code, value);

    /// <summary>An option whose value is an ASCII/UTF-8 string (e.g. <c>domain-name</c>).</summary>
    public static OptionDataItem FromText(byte code, string text, bool alwaysSend = false) =>
        new(code, System.Text.Encoding.UTF8.GetBytes(text), alwaysSend);

    /// <summary>An option whose value is a list of IPv4 addresses (e.g. <c>routers</c>, <c>domain-name-servers</c>).</summary>
    public static OptionDataItem FromAddresses(byte code, params Ipv4Address[] addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var bytes = new byte[addresses.Length * 4];
        for (var i = 0; i < addresses.Length; i++)
        {
            addresses[i].WriteTo(bytes.AsSpan(i * 4));
        }

        return new OptionDataItem(code, bytes);
    }
}
