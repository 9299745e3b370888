using System.Globalization;

namespace DhcpCluster.Cli.Endpoint;

/// <summary>Where pbm sends commands: <c>HOST:PORT</c>, <c>HOST</c> (port 9110) or <c>[IPv6]:PORT</c>.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
public sealed record EndpointAddress(string Host, int Port)
{
    /// <summary>The default: a node's endpoint on this machine.</summary>
    public static EndpointAddress Default { get; } = new("127.0.0.1", DefaultPort);

    /// <summary>The endpoint's default port (Petabridge.Cmd's).</summary>
    public const int DefaultPort = 9110;

    /// <summary>The URI commands are posted to.</summary>
    public Uri Uri => new(string.Create(CultureInfo.InvariantCulture, $"http://{(Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host)}:{Port}/"));

    /// <summary>Parses <c>HOST[:PORT]</c>; false when it is not one.</summary>
    public static bool TryParse(string text, out EndpointAddress address)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = Default;
        string host;
        var portText = string.Empty;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                portText = rest[1..];
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return false;
            }

            host = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? string.Empty : text[(colon + 1)..];
        }

        var port = DefaultPort;
        if (host.Length == 0 || host.AsSpan().ContainsAny(" /?#@") ||
            (portText.Length > 0 && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)))
        {
            return false;
        }

        address = new EndpointAddress(host, port);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
