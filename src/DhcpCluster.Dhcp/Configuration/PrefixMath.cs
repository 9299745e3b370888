namespace DhcpCluster.Dhcp.Configuration;

/// <summary>Netmask arithmetic for prefixes given by length.</summary>
public static class PrefixMath
{
    /// <summary>The netmask (host order) of a prefix length 0..32.</summary>
    public static uint Mask(int length) => length == 0 ? 0u : uint.MaxValue << (32 - length);
}
