using System.Reflection;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary>
/// The declared keys of <see cref="Dhcp4ConfigKeys"/> grouped by the scope they repeat in (option-data, boot fields,
/// lifetimes, pools, reservations, subnets), so one binding routine serves every place a group appears. Groups look
/// their keys up by path, so a key missing from the catalog fails at type initialisation (and in the tests).
/// </summary>
internal static class Dhcp4KeySets
{
    private static readonly Dictionary<string, ConfigKey> ByPath = typeof(Dhcp4ConfigKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (ConfigKey)f.GetValue(null)!)
        .ToDictionary(k => k.Path, StringComparer.Ordinal);

    public static readonly ScopeKeys Global = new("Dhcp4");
    public static readonly SubnetKeys Subnet = new("Dhcp4.subnet4[]");
    public static readonly ScopeKeys SharedNetwork = new("Dhcp4.shared-networks[]");
    public static readonly SubnetKeys SharedNetworkSubnet = new("Dhcp4.shared-networks[].subnet4[]");
    public static readonly BootKeys ClientClassBoot = new("Dhcp4.client-classes[]");
    public static readonly OptionDataKeys ClientClassOptions = new("Dhcp4.client-classes[]");

    /// <summary>All declared keys by path.</summary>
    public static IReadOnlyDictionary<string, ConfigKey> All => ByPath;

    public static ConfigKey Key(string path) =>
        ByPath.TryGetValue(path, out var key) ? key : throw new InvalidOperationException($"configuration key {path} is not declared in {nameof(Dhcp4ConfigKeys)}");
}
