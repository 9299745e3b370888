using System.Reflection;

namespace DhcpCluster.Hocon.Tests.Getters;

public sealed class FallbackTests
{
    [Fact]
    public void WithFallback_fills_missing_keys_and_merges_objects()
    {
        var app = ConfigFactory.ParseString("a { x = 1 }\nb = app", "app.conf");
        var module = ConfigFactory.ParseString("a { x = 0, y = 2 }\nc = module", "module.conf");
        var lowest = ConfigFactory.ParseString("a { z = 3 }\nb = lowest\nd = lowest", "lowest.conf");
        var config = app.WithFallback(module).WithFallback(lowest);
        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal(3, config.GetInt("a.z"));
        Assert.Equal("app", config.GetString("b"));
        Assert.Equal("module", config.GetString("c"));
        Assert.Equal("lowest", config.GetString("d"));
        Assert.Equal("module.conf", config.GetOrigin("a.y").File);
    }

    [Fact]
    public void A_non_object_replaces_a_fallback_object_entirely()
    {
        var config = ConfigFactory.ParseString("a = 5").WithFallback(ConfigFactory.ParseString("a { x = 1 }"));
        Assert.Equal(5, config.GetInt("a"));
        Assert.False(config.HasPath("a.x"));
    }

    [Fact]
    public void Empty_config_is_neutral()
    {
        var config = ConfigFactory.ParseString("a = 1");
        Assert.Same(config, config.WithFallback(ConfigFactory.Empty));
        Assert.Equal(1, ConfigFactory.Empty.WithFallback(config).GetInt("a"));
        Assert.True(ConfigFactory.Empty.IsEmpty);
    }

    [Fact]
    public void Reference_configs_are_loaded_from_embedded_resources()
    {
        var reference = ConfigFactory.ReferenceConfig(Assembly.GetExecutingAssembly());
        Assert.Equal("from-reference", reference.GetString("hocon-tests.source"));
        Assert.Equal(TimeSpan.FromSeconds(5), reference.GetDuration("hocon-tests.ask-timeout"));
        Assert.Equal("DhcpCluster.Hocon.Tests:DhcpCluster.Hocon.Tests.reference.conf", reference.GetOrigin("hocon-tests.retries").File);
    }

    [Fact]
    public void FromResource_reads_one_resource_and_a_missing_one_is_a_config_error()
    {
        var config = ConfigFactory.FromResource(Assembly.GetExecutingAssembly(), "DhcpCluster.Hocon.Tests.reference.conf");
        Assert.Equal(3, config.GetInt("hocon-tests.retries"));
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.FromResource(Assembly.GetExecutingAssembly(), "nope.conf"));
        Assert.Equal("DhcpCluster.Hocon.Tests:nope.conf: no embedded resource of that name", e.Message);
    }

    [Fact]
    public void Load_lets_the_application_refer_to_and_extend_reference_values()
    {
        using var dir = new TempDirectory();
        var app = dir.Write("node.conf", "hocon-tests {\n  retries = 5\n  nested { b = 20 }\n  paths += /usr/bin\n  copy = ${hocon-tests.nested.a}\n}");
        var config = ConfigFactory.Load(app, Assembly.GetExecutingAssembly());
        Assert.Equal(5, config.GetInt("hocon-tests.retries"));
        Assert.Equal(1, config.GetInt("hocon-tests.nested.a"));
        Assert.Equal(20, config.GetInt("hocon-tests.nested.b"));
        Assert.Equal(["/bin", "/usr/bin"], config.GetStringList("hocon-tests.paths"));
        Assert.Equal(1, config.GetInt("hocon-tests.copy"));
        Assert.Equal("from-reference", config.GetString("hocon-tests.source"));
    }

    [Fact]
    public void A_tree_built_in_code_is_a_config_too()
    {
        var origin = new ConfigOrigin("code", 0, 0);
        var tree = new Values.ConfigObject(
            [
                new("name", new Values.ConfigString("n1", origin)),
                new("ports", new Values.ConfigArray([Values.ConfigNumber.FromLong(67, origin)], origin)),
            ],
            origin);
        var config = ConfigFactory.FromObject(tree).WithFallback(ConfigFactory.ParseString("name = default\nlevel = 2"));
        Assert.Equal("n1", config.GetString("name"));
        Assert.Equal([67], config.GetIntList("ports"));
        Assert.Equal(2, config.GetInt("level"));
        var e = Assert.Throws<ConfigException>(() => config.GetInt("name"));
        Assert.Equal("code: name: expected an int, found \"n1\"", e.Message);
    }
}
