using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace DhcpCluster.Sockets.Interfaces;

/// <summary>What the kernel says of one network interface right now: index, hardware address, state, IPv4 addresses.</summary>
public sealed record LinkInfo(string Name, int Index, byte[] HardwareAddress, bool IsUp, IReadOnlyList<LinkAddress> Addresses)
{
    /// <summary>Looks an interface up by name; null when it does not exist (yet).</summary>
    public static LinkInfo? Find(string name)
    {
        var index = (int)NativeMethods.if_nametoindex(name);
        if (index == 0)
        {
            return null;
        }

        var nic = Array.Find(NetworkInterface.GetAllNetworkInterfaces(), n => string.Equals(n.Name, name, StringComparison.Ordinal));
        if (nic is null)
        {
            return null;
        }

        var addresses = nic.GetIPProperties().UnicastAddresses
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
            .Select(a => new LinkAddress(LinkAddress.FromIPAddress(a.Address), a.PrefixLength))
            .ToArray();
        return new LinkInfo(name, index, nic.GetPhysicalAddress().GetAddressBytes(), IsOperational(nic), addresses);
    }

    /// <summary>The names of every interface the kernel has, for the <c>*</c> wildcard.</summary>
    public static IReadOnlyList<string> AllNames() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .Select(n => n.Name)
            .ToArray();

    /// <summary>The address of this interface whose subnet contains <paramref name="address"/>, if any.</summary>
    public LinkAddress? AddressOnLinkWith(uint address)
    {
        foreach (var candidate in Addresses)
        {
            if (candidate.Contains(address))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsOperational(NetworkInterface nic)
    {
        // veth and VLAN devices without carrier detection report Unknown while they pass traffic.
        var status = nic.OperationalStatus;
        return status is OperationalStatus.Up or OperationalStatus.Unknown;
    }
}
