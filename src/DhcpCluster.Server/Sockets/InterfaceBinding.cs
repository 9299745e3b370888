using DhcpCluster.Dhcp;

namespace DhcpCluster.Server.Sockets;

/// <summary>
/// One entry of <c>interfaces-config.interfaces</c>: an interface by name (<c>eth0</c>), with the address to use as
/// server identifier (<c>eth0/192.0.2.1</c>), or <c>*</c> for every non-loopback interface.
/// </summary>
/// <param name="Name">Interface name, or <c>*</c>.</param>
/// <param name="Address">The configured address (server identifier), if any.</param>
public sealed record InterfaceBinding(string Name, Ipv4Address? Address)
{
    /// <summary>The wildcard name.</summary>
    public const string AllInterfaces = "*";

    /// <summary>Whether this is the wildcard.</summary>
    public bool IsWildcard => string.Equals(Name, AllInterfaces, StringComparison.Ordinal);

    /// <summary>Parses <c>name</c>, <c>name/address</c> or <c>*</c>.</summary>
    /// <exception cref="FormatException">The text is empty or the address is not an IPv4 address.</exception>
    public static InterfaceBinding Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? text : text[..slash];
        if (name.Length == 0)
        {
            throw new FormatException($"'{text}': an interface name is required (or '*')");
        }

        if (slash < 0)
        {
            return new InterfaceBinding(name, null);
        }

        return Ipv4Address.TryParse(text[(slash + 1)..], out var address)
            ? new InterfaceBinding(name, address)
            : throw new FormatException($"'{text}': '{text[(slash + 1)..]}' is not an IPv4 address");
    }

    /// <inheritdoc />
    public override string ToString() => Address is { } address ? $"{Name}/{address}" : Name;
}
