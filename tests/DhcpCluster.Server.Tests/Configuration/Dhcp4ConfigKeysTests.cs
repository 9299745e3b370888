using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;
using DhcpCluster.Server.Configuration;

namespace DhcpCluster.Server.Tests.Configuration;

public sealed class Dhcp4ConfigKeysTests
{
    private static readonly IReadOnlyList<ConfigKey> Keys = ConfigKeyRegistry.Discover([typeof(Dhcp4ConfigKeys)]);

    [Fact]
    public void Every_declared_key_mirrors_the_kea_key_of_the_same_path_and_is_a_kea_key_name()
    {
        Assert.True(Keys.Count > 200, $"only {Keys.Count} keys declared");
        var wrong = Keys.Where(k => !string.Equals(k.Mirrors, "Kea " + k.Path, StringComparison.Ordinal) || k.Description.Length == 0).Select(k => k.Path).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));

        // Every key we read is one Kea has too (so the key-name rule never calls one of ours unknown), apart from the
        // parameters of the HA hook, which Kea's Dhcp4 grammar leaves to the hook.
        var notKea = Keys.Where(k => !k.Path.Contains(".parameters.", StringComparison.Ordinal) && !KeaKeyNames.IsKeaKey(k.Name)).Select(k => k.Path).ToList();
        Assert.True(notKea.Count == 0, string.Join(", ", notKea));
    }

    [Fact]
    public void The_reference_configuration_sets_only_declared_dhcp4_keys_and_binds_with_one_warning()
    {
        var reference = ConfigFactory.ReferenceConfig(typeof(ServerConfiguration).Assembly);
        var declared = Keys.ToDictionary(k => k.Path, StringComparer.Ordinal);
        foreach (var (path, _) in reference.Entries().Where(e => e.Key.StartsWith("Dhcp4.", StringComparison.Ordinal)))
        {
            Assert.True(declared.ContainsKey(path), $"reference.conf sets {path}, which no ConfigKey declares");
        }

        var binding = ServerConfigurationBinder.Bind(reference);
        var problem = Assert.Single(binding.Problems);
        Assert.Equal(
            ("Dhcp4.interfaces-config.interfaces", "no interface listed: the server listens on no interface", ConfigurationProblemSeverity.Warning),
            (problem.Path, problem.Problem, problem.Severity));
    }

    [Fact]
    public void Interface_entries_parse_as_kea_writes_them()
    {
        Assert.True(InterfaceSelection.TryParse("eth0.31", out var vlan, out _));
        Assert.Equal(new InterfaceSelection("eth0.31", null), vlan);
        Assert.True(InterfaceSelection.TryParse(" eth0/192.0.2.1 ", out var fixedAddress, out _));
        Assert.Equal("eth0/192.0.2.1", fixedAddress!.ToString());
        Assert.True(InterfaceSelection.TryParse("*", out var all, out _));
        Assert.True(all!.IsWildcard);
        Assert.False(InterfaceSelection.TryParse("a-name-longer-than-15", out _, out var error));
        Assert.Equal("'a-name-longer-than-15' is not an interface name (1 to 15 characters, no blanks or ':'), 'name/address' or '*'", error);
    }
}
