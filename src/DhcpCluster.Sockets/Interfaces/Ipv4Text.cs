using System.Globalization;

namespace DhcpCluster.Sockets.Interfaces;

/// <summary>Dotted-quad text of a host-order IPv4 address, for logs and errors (not for hot paths).</summary>
internal static class Ipv4Text
{
    public static string Format(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}");
}
