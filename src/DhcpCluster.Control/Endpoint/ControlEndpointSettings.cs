using System.Net;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Control.Endpoint;

/// <summary>Where the command endpoint listens.</summary>
/// <param name="Address">The listening address.</param>
/// <param name="Port">The TCP port; 0 picks a free one.</param>
public sealed record ControlEndpointSettings(IPAddress Address, int Port)
{
    /// <summary>Reads <c>dhcp-cluster.cmd</c> (the configuration must include DhcpCluster.Control's reference.conf).</summary>
    /// <exception cref="ConfigException">The host is not an IP address or the port is out of range.</exception>
    public static ControlEndpointSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var host = config.GetString(ControlConfigKeys.Host);
        if (!IPAddress.TryParse(host, out var address))
        {
            throw config.ErrorAt(ControlConfigKeys.Host, $"expected an IPv4 or IPv6 address, found \"{host}\"");
        }

        var port = config.GetInt(ControlConfigKeys.Port);
        if (port is < 0 or > 65535)
        {
            throw config.ErrorAt(ControlConfigKeys.Port, $"expected a TCP port 0-65535, found {port}");
        }

        return new ControlEndpointSettings(address, port);
    }
}
