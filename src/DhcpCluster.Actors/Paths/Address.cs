using System.Globalization;

namespace DhcpCluster.Actors;

/// <summary>
/// The location of an actor system: protocol, system name and, for systems reachable over a
/// transport, host and port (Akka's <c>Address</c>). A local-only system has no host and port.
/// </summary>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The protocol of local actor systems.</summary>
    public const string LocalProtocol = "dhcp-cluster";

    /// <summary>True when the address names a host and port (a remote-capable address).</summary>
    public bool HasGlobalScope => Host is not null;

    /// <summary>Formats the address as <c>protocol://system@host:port</c>.</summary>
    public override string ToString()
    {
        if (Host is null)
        {
            return string.Concat(Protocol, "://", System);
        }

        return Port is null
            ? string.Concat(Protocol, "://", System, "@", Host)
            : string.Concat(Protocol, "://", System, "@", Host, ":", Port.Value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Parses <c>protocol://system[@host[:port]]</c>.</summary>
    /// <exception cref="FormatException">When the text is not an address.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw new FormatException($"'{text}' is not an actor system address: expected protocol://system[@host:port].");
        }

        var protocol = text[..schemeEnd];
        var rest = text[(schemeEnd + 3)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return rest.Length == 0
                ? throw new FormatException($"'{text}' has an empty actor system name.")
                : new Address(protocol, rest);
        }

        var system = rest[..at];
        var hostPort = rest[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        if (colon < 0)
        {
            return new Address(protocol, system, hostPort);
        }

        if (!int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"'{text}' has an invalid port.");
        }

        return new Address(protocol, system, hostPort[..colon], port);
    }
}
