using System.Diagnostics.CodeAnalysis;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// One route of option 121 (RFC 3442 §3): a destination prefix and a router. On the wire: the prefix length,
/// the significant octets of the destination (ceil(length / 8)), then the 4-byte router. Kea's text form is
/// "10.0.0.0/8 - 192.0.2.1"; a list is comma separated.
/// </summary>
/// <param name="Destination">The destination prefix (0.0.0.0/0 for a default route).</param>
/// <param name="Router">The next hop.</param>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public readonly record struct ClasslessStaticRoute(Ipv4Network Destination, Ipv4Address Router)
{
    /// <summary>Wire size of this route.</summary>
    public int WireSize => 1 + ((Destination.PrefixLength + 7) / 8) + 4;

    /// <summary>Parses "10.0.0.0/8 - 192.0.2.1".</summary>
    public static bool TryParse(string text, out ClasslessStaticRoute route, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        route = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            error = $"'{text}' is not a route (expected 'prefix - router', e.g. '10.0.0.0/8 - 192.0.2.1').";
            return false;
        }

        if (!Ipv4Network.TryParse(text.AsSpan(0, dash).Trim(), out var destination, out error))
        {
            return false;
        }

        var routerText = text[(dash + 1)..].Trim();
        if (!Ipv4Address.TryParse(routerText, out var router))
        {
            error = $"'{routerText}' is not an IPv4 address.";
            return false;
        }

        route = new ClasslessStaticRoute(destination, router);
        return true;
    }

    /// <summary>Writes the route; returns the bytes written.</summary>
    public int WriteTo(Span<byte> destination)
    {
        var significant = (Destination.PrefixLength + 7) / 8;
        destination[0] = (byte)Destination.PrefixLength;
        Span<byte> network = stackalloc byte[4];
        Destination.Network.WriteTo(network);
        network[..significant].CopyTo(destination[1..]);
        Router.WriteTo(destination[(1 + significant)..]);
        return 1 + significant + 4;
    }

    /// <summary>Reads one route from the start of <paramref name="wire"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> wire, out ClasslessStaticRoute route, out int consumed, [NotNullWhen(false)] out string? error)
    {
        route = default;
        consumed = 0;
        if (wire.IsEmpty || wire[0] > 32)
        {
            error = wire.IsEmpty ? "a route is missing." : $"prefix length {wire[0]} is more than 32.";
            return false;
        }

        var length = wire[0];
        var significant = (length + 7) / 8;
        if (wire.Length < 1 + significant + 4)
        {
            error = "a route is truncated.";
            return false;
        }

        Span<byte> network = stackalloc byte[4];
        network.Clear();
        wire.Slice(1, significant).CopyTo(network);
        if (!Ipv4Network.TryParse($"{Ipv4Address.Read(network)}/{length}", out var destination, out error))
        {
            return false;
        }

        route = new ClasslessStaticRoute(destination, Ipv4Address.Read(wire[(1 + significant)..]));
        consumed = 1 + significant + 4;
        return true;
    }

    /// <summary>"10.0.0.0/8 - 192.0.2.1".</summary>
    public override string ToString() => $"{Destination} - {Router}";
}
