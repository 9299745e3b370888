using DhcpCluster.Dhcp;

namespace DhcpCluster.Server.Configuration;

/// <summary>
/// One entry of Kea's <c>interfaces-config.interfaces</c>: <c>"eth0"</c>, <c>"eth0/192.0.2.1"</c> (that address is the
/// server identifier on the interface) or <c>"*"</c> (every interface).
/// </summary>
/// <param name="Name">The interface name, or <c>*</c>.</param>
/// <param name="Address">The fixed address of Kea's <c>name/address</c> form; null when not given.</param>
public sealed record InterfaceSelection(string Name, Ipv4Address? Address)
{
    /// <summary>The wildcard name.</summary>
    public const string Wildcard = "*";

    /// <summary>True for <c>*</c>.</summary>
    public bool IsWildcard => string.Equals(Name, Wildcard, StringComparison.Ordinal);

    /// <summary>Parses Kea's text form; false with a reason for a malformed entry.</summary>
    public static bool TryParse(string text, out InterfaceSelection? selection, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        selection = null;
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? trimmed : trimmed[..slash];
        if (name.Length == 0 || name.Length > 15 || name.AsSpan().ContainsAny(" \t:\0"))
        {
            error = $"'{text}' is not an interface name (1 to 15 characters, no blanks or ':'), 'name/address' or '*'";
            return false;
        }

        Ipv4Address? address = null;
        if (slash >= 0)
        {
            if (string.Equals(name, Wildcard, StringComparison.Ordinal))
            {
                error = $"'{text}': the wildcard '*' takes no address";
                return false;
            }

            if (!Ipv4Address.TryParse(trimmed.AsSpan(slash + 1), out var parsed))
            {
                error = $"'{text}': '{trimmed[(slash + 1)..]}' is not an IPv4 address";
                return false;
            }

            address = parsed;
        }

        selection = new InterfaceSelection(name, address);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Address is { } a ? $"{Name}/{a}" : Name;
}
