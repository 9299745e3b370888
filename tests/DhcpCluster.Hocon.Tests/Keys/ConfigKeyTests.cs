using System.Reflection;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Hocon.Tests.Keys;

public sealed class ConfigKeyTests
{
    private static readonly Config Kea = ConfigFactory.ParseString("""
        Dhcp4 {
          valid-lifetime = 4000
          subnet4 = [
            { id = 1, pools = [ { pool = "10.0.0.10 - 10.0.0.20" }, { pool = "10.0.0.30 - 10.0.0.40" } ] }
            { id = 2, valid-lifetime = 60, pools = [] }
          ]
        }
        """, "kea.conf");

    [Fact]
    public void The_registry_finds_every_key_of_a_catalog_ordered_by_path()
    {
        var keys = ConfigKeyRegistry.Discover([Assembly.GetExecutingAssembly(), typeof(Config).Assembly]);
        Assert.Equal(
            [
                "Dhcp4.subnet4", "Dhcp4.subnet4[].id", "Dhcp4.subnet4[].pools", "Dhcp4.subnet4[].pools[].pool",
                "Dhcp4.subnet4[].valid-lifetime", "Dhcp4.valid-lifetime", "hocon-tests.ask-timeout", "hocon-tests.nested",
                "hocon-tests.nested.a", "hocon-tests.retries",
            ],
            keys.Select(k => k.Path),
            StringComparer.Ordinal);
        Assert.Contains(TestCatalog.AskTimeout, keys);
    }

    [Fact]
    public void The_hocon_library_itself_declares_no_keys() =>
        Assert.Empty(ConfigKeyRegistry.Discover([typeof(Config).Assembly]));

    [Fact]
    public void Declarations_carry_catalog_field_and_module()
    {
        var declaration = ConfigKeyRegistry.DiscoverDeclarations([Assembly.GetExecutingAssembly()]).Single(d => d.Key.Equals(TestCatalog.AskTimeout));
        Assert.Equal(typeof(TestCatalog), declaration.Catalog);
        Assert.Equal(nameof(TestCatalog.AskTimeout), declaration.FieldName);
        Assert.Equal("hocon-tests", declaration.Module);
        Assert.Equal("akka.actor.ask-timeout", declaration.Key.Mirrors);
        Assert.Equal(Assembly.GetExecutingAssembly(), declaration.Assembly);
    }

    [Fact]
    public void Key_names_and_element_patterns()
    {
        Assert.Equal("pool", TestCatalog.Pool.Name);
        Assert.True(TestCatalog.Pool.IsElementKey);
        Assert.Equal("Dhcp4.subnet4[].pools[]", TestCatalog.Pool.ElementPattern);
        Assert.Equal("pool", TestCatalog.Pool.RelativePath);
        Assert.False(TestCatalog.ValidLifetime.IsElementKey);
        Assert.Equal(string.Empty, TestCatalog.ValidLifetime.ElementPattern);
        Assert.Equal("Dhcp4.valid-lifetime", TestCatalog.ValidLifetime.RelativePath);
        Assert.Equal("hocon-tests.retries (Int)", TestCatalog.Retries.ToString());
    }

    [Fact]
    public void Keys_are_read_from_the_root_from_sub_configs_and_from_list_elements()
    {
        Assert.Equal(4000, Kea.GetInt(TestCatalog.ValidLifetime));
        var dhcp4 = Kea.GetConfig("Dhcp4");
        Assert.Equal(4000, dhcp4.GetInt(TestCatalog.ValidLifetime));
        var subnets = Kea.GetConfigList(TestCatalog.Subnets);
        Assert.Equal([1, 2], subnets.Select(s => s.GetInt(TestCatalog.SubnetId)));
        Assert.Equal(
            ["10.0.0.10 - 10.0.0.20", "10.0.0.30 - 10.0.0.40"],
            subnets[0].GetConfigList(TestCatalog.Pools).Select(p => p.GetString(TestCatalog.Pool)),
            StringComparer.Ordinal);
        Assert.False(subnets[0].HasPath(TestCatalog.SubnetLifetime));
        Assert.True(subnets[1].HasPath(TestCatalog.SubnetLifetime));
        Assert.Equal(60, subnets[1].GetInt(TestCatalog.SubnetLifetime));
        Assert.Equal(subnets, dhcp4.GetConfigList(TestCatalog.Subnets), (a, b) => a.Root.Equals(b.Root));
    }

    [Fact]
    public void Errors_through_keys_name_the_full_element_path()
    {
        var bad = ConfigFactory.ParseString("Dhcp4.subnet4 = [ { id = 1, pools = [ { pool = 5 }, { range = x } ] }, { id = one } ]", "node.conf");
        var subnets = bad.GetConfigList(TestCatalog.Subnets);
        var e = Assert.Throws<ConfigException>(() => subnets[1].GetInt(TestCatalog.SubnetId));
        Assert.Equal("node.conf:1:79: Dhcp4.subnet4[1].id: expected an int, found \"one\"", e.Message);
        var pools = subnets[0].GetConfigList(TestCatalog.Pools);
        Assert.Equal("5", pools[0].GetString(TestCatalog.Pool));
        var missing = Assert.Throws<ConfigException>(() => pools[1].GetString(TestCatalog.Pool));
        Assert.Equal("node.conf:1:53: Dhcp4.subnet4[0].pools[1].pool: missing (no value set and no default in any reference.conf)", missing.Message);
    }

    [Fact]
    public void Reading_a_key_where_it_does_not_live_is_a_programming_error()
    {
        var subnet = Kea.GetConfigList(TestCatalog.Subnets)[0];
        var wrongPlace = Assert.Throws<ArgumentException>(() => subnet.GetInt(TestCatalog.ValidLifetime));
        Assert.StartsWith("configuration key Dhcp4.valid-lifetime cannot be read from the configuration at Dhcp4.subnet4[0]", wrongPlace.Message, StringComparison.Ordinal);
        var throughList = Assert.Throws<ArgumentException>(() => Kea.GetString(TestCatalog.Pool));
        Assert.StartsWith("configuration key Dhcp4.subnet4[].pools[].pool lives inside list elements", throughList.Message, StringComparison.Ordinal);
        var wrongType = Assert.Throws<ArgumentException>(() => Kea.GetDuration(TestCatalog.ValidLifetime));
        Assert.StartsWith("configuration key Dhcp4.valid-lifetime is declared as Int but read as Duration", wrongType.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.b[]")]
    [InlineData("a.b c")]
    [InlineData("a.\"b\"")]
    public void Bad_key_patterns_are_refused(string path) =>
        Assert.Throws<ArgumentException>(() => new ConfigKey(path, ConfigValueType.String, "x"));

    [Fact]
    public void Conflicting_declarations_are_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ConfigKeyRegistry.DiscoverDeclarations([typeof(FirstCatalog), typeof(SecondCatalog)]));
        Assert.Equal(
            "configuration key hocon-tests.conflict is declared with different types: "
            + "DhcpCluster.Hocon.Tests.Keys.ConfigKeyTests+FirstCatalog.Conflict (Int), DhcpCluster.Hocon.Tests.Keys.ConfigKeyTests+SecondCatalog.Conflict (String)",
            e.Message);
    }

    [Fact]
    public void The_same_key_declared_twice_with_one_type_is_listed_once()
    {
        var keys = ConfigKeyRegistry.Discover([typeof(FirstCatalog), typeof(FirstCatalogAgain)]);
        Assert.Single(keys);
    }

    // Not marked [ConfigKeyCatalog], so the assembly scans above do not see them; passed explicitly.
    private static class FirstCatalog
    {
        public static readonly ConfigKey Conflict = new("hocon-tests.conflict", ConfigValueType.Int, "x");
    }

    private static class FirstCatalogAgain
    {
        public static readonly ConfigKey Conflict = new("hocon-tests.conflict", ConfigValueType.Int, "x");
    }

    private static class SecondCatalog
    {
        public static readonly ConfigKey Conflict = new("hocon-tests.conflict", ConfigValueType.String, "x");
    }
}
