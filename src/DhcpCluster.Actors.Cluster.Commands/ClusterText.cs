using System.Globalization;
using DhcpCluster.Control.Registry;

namespace DhcpCluster.Actors.Cluster.Commands;

/// <summary>The text forms of the cluster palette, as Petabridge.Cmd prints them, and the addresses operators type.</summary>
public static class ClusterText
{
    /// <summary>One member: <c>address | [roles] | status |</c>, with <c>unreachable |</c> after it when the failure detector says so.</summary>
    public static string MemberLine(Member member, bool unreachable)
    {
        ArgumentNullException.ThrowIfNull(member);
        var line = $"{member.Address} | [{string.Join(',', member.Roles)}] | {Status(member.Status)} |";
        return unreachable ? line + " unreachable |" : line;
    }

    /// <summary>The closing line of <c>cluster show</c>.</summary>
    public static string Count(int members) => string.Create(CultureInfo.InvariantCulture, $"Count: {members} nodes");

    /// <summary>A member status as Petabridge.Cmd prints it (lower case: <c>up</c>, <c>weaklyup</c>, <c>leaving</c>, ...).</summary>
    public static string Status(MemberStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// The address an operator typed: a full address (<c>dhcp-cluster.tcp://system@host:port</c>), or <c>host:port</c>
    /// meaning that node in this node's system.
    /// </summary>
    /// <exception cref="CommandArgumentException">Neither form, or no port.</exception>
    public static Address ParseAddress(string text, Address self)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(self);
        var trimmed = text.Trim();
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                var address = Address.Parse(trimmed);
                return address.Host is not null && address.Port is not null
                    ? address
                    : throw new CommandArgumentException($"'address' parameter: {text} has no host and port");
            }
            catch (FormatException e)
            {
                throw new CommandArgumentException($"'address' parameter: {e.Message}", e);
            }
        }

        var colon = trimmed.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new CommandArgumentException($"'address' parameter: expected {self.Protocol}://{self.System}@HOST:PORT or HOST:PORT, found '{text}'");
        }

        return new Address(self.Protocol, self.System, trimmed[..colon].Trim('[', ']'), port);
    }
}
