namespace DhcpCluster.Hocon.Tests.Includes;

public sealed class IncludeTests
{
    [Fact]
    public void Includes_are_relative_to_the_including_file()
    {
        using var dir = new TempDirectory();
        dir.Write("conf/sub/leaf.conf", "leaf = true");
        dir.Write("conf/sub/middle.conf", "include \"leaf.conf\"\nmiddle = 2");
        var main = dir.Write("conf/node.conf", "include \"sub/middle.conf\"\nmain = 1");
        var config = ConfigFactory.ParseFile(main);
        Assert.True(config.GetBoolean("leaf"));
        Assert.Equal(2, config.GetInt("middle"));
        Assert.Equal(1, config.GetInt("main"));
    }

    [Fact]
    public void All_include_forms_are_understood()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "a = 1");
        dir.Write("b.conf", "b = 2");
        dir.Write("c.conf", "c = 3");
        dir.Write("d.json", "{ \"d\": 4 }");
        var main = dir.Write("main.conf", "include \"a.conf\"\ninclude file(\"b.conf\")\ninclude required(file(\"c.conf\"))\ninclude \"d\"\ninclude required( file( \"a.conf\" ) )");
        var config = ConfigFactory.ParseFile(main);
        Assert.Equal([1, 2, 3, 4], new[] { "a", "b", "c", "d" }.Select(config.GetInt));
    }

    [Fact]
    public void An_include_inside_an_object_lands_in_that_object_and_its_substitutions_are_relative_to_it()
    {
        using var dir = new TempDirectory();
        var variable = "HOCON_TEST_" + Guid.NewGuid().ToString("N");
        dir.Write("dhcp.conf", $"valid-lifetime = 4000\nrenew-timer = ${{valid-lifetime}}\nhome = ${{?HOCON_TEST_SURELY_UNSET}}\nfrom-env = ${{?{variable}}}\nfrom-root = ${{top-level}}");
        var main = dir.Write("node.conf", "top-level = root\nDhcp4 { include \"dhcp.conf\"\n rebind-timer = 2000 }\ntop = ${Dhcp4.renew-timer}");
        Environment.SetEnvironmentVariable(variable, "env-value");
        try
        {
            var config = ConfigFactory.ParseFile(main);
            Assert.Equal(4000, config.GetInt("Dhcp4.valid-lifetime"));
            Assert.Equal(4000, config.GetInt("Dhcp4.renew-timer"));
            Assert.Equal(2000, config.GetInt("Dhcp4.rebind-timer"));
            Assert.Equal(4000, config.GetInt("top"));
            Assert.False(config.HasPath("Dhcp4.home"));
            Assert.Equal("env-value", config.GetString("Dhcp4.from-env"));
            Assert.Equal("root", config.GetString("Dhcp4.from-root"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Keys_after_an_include_override_it_and_keys_before_are_overridden_by_it()
    {
        using var dir = new TempDirectory();
        dir.Write("inc.conf", "a = included\nb = included\nobj { x = 1 }");
        var main = dir.Write("main.conf", "a = before\nobj { y = 2 }\ninclude \"inc.conf\"\nb = after");
        var config = ConfigFactory.ParseFile(main);
        Assert.Equal("included", config.GetString("a"));
        Assert.Equal("after", config.GetString("b"));
        Assert.Equal(1, config.GetInt("obj.x"));
        Assert.Equal(2, config.GetInt("obj.y"));
    }

    [Fact]
    public void A_kea_json_file_can_be_included_as_is()
    {
        using var dir = new TempDirectory();
        dir.Write("kea-dhcp4.conf", "// Kea\n{ \"Dhcp4\": { \"valid-lifetime\": 4000, \"subnet4\": [ { \"id\": 1, \"subnet\": \"192.0.2.0/24\" } ] } }");
        var main = dir.Write("node.conf", "include \"kea-dhcp4.conf\"\ndhcp-cluster.node-name = n1");
        var config = ConfigFactory.ParseFile(main);
        Assert.Equal("192.0.2.0/24", config.GetConfigList("Dhcp4.subnet4")[0].GetString("subnet"));
        Assert.Equal("n1", config.GetString("dhcp-cluster.node-name"));
    }

    [Fact]
    public void Errors_in_an_included_file_name_that_file()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.conf", "x {\n  y = [1, 2\n");
        var main = dir.Write("node.conf", "include \"bad.conf\"");
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseFile(main));
        Assert.Equal(Path.Combine(dir.Path, "bad.conf"), e.File);
        Assert.Equal(3, e.Line);
        Assert.EndsWith(": x.y: unexpected end of file: the '[' at line 2, column 7 is never closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_include_is_an_error_naming_the_include_statement()
    {
        using var dir = new TempDirectory();
        var main = dir.Write("node.conf", "a = 1\nDhcp4 {\n  include \"missing.conf\"\n}");
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseFile(main));
        Assert.Equal($"{main}:3:11: Dhcp4: include \"missing.conf\": file not found ({Path.Combine(dir.Path, "missing.conf")})", e.Message);
    }

    [Fact]
    public void A_missing_plain_include_is_ignored_when_the_specification_behaviour_is_asked_for_but_required_is_still_an_error()
    {
        using var dir = new TempDirectory();
        var lenient = new ConfigParseOptions { AllowMissingIncludes = true };
        var main = dir.Write("node.conf", "include \"missing.conf\"\na = 1");
        Assert.Equal(1, ConfigFactory.ParseFile(main, lenient).GetInt("a"));
        var strict = dir.Write("strict.conf", "include required(\"missing.conf\")\na = 1");
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseFile(strict, lenient));
        Assert.Equal($"{strict}:1:18: include \"missing.conf\": file not found ({Path.Combine(dir.Path, "missing.conf")})", e.Message);
    }

    [Fact]
    public void An_include_cycle_is_reported_with_the_chain()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("a.conf", "x = 1\ninclude \"b.conf\"");
        dir.Write("b.conf", "y = 2\ninclude \"sub/c.conf\"");
        dir.Write("sub/c.conf", "include \"../a.conf\"");
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseFile(a));
        var cName = Path.Combine(dir.Path, "sub", "c.conf");
        Assert.Equal(cName, e.File);
        Assert.Equal($"{cName}:1:9: include cycle: {a} -> {Path.Combine(dir.Path, "b.conf")} -> {cName} -> {Path.Combine(dir.Path, "sub", "../a.conf")}", e.Message);
    }

    [Fact]
    public void A_file_including_itself_is_a_cycle()
    {
        using var dir = new TempDirectory();
        var a = dir.Write("self.conf", "include \"self.conf\"");
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseFile(a));
        Assert.Contains("include cycle: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_include_relative_to_the_given_base_directory()
    {
        using var dir = new TempDirectory();
        dir.Write("inc.conf", "v = 7");
        var config = ConfigFactory.ParseString("include \"inc.conf\"", "<string>", new ConfigParseOptions { BaseDirectory = dir.Path });
        Assert.Equal(7, config.GetInt("v"));
    }

    [Fact]
    public void Classpath_includes_read_embedded_resources()
    {
        var config = ConfigFactory.ParseString("include classpath(\"DhcpCluster.Hocon.Tests.reference.conf\")");
        Assert.Equal("from-reference", config.GetString("hocon-tests.source"));
    }

    [Fact]
    public void A_missing_classpath_resource_is_an_error()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseString("x {\n  include required(classpath(\"no-such.conf\"))\n}", "node.conf"));
        Assert.Equal("node.conf:2:30: x: include classpath(\"no-such.conf\"): no embedded resource of that name in the loaded assemblies", e.Message);
    }
}
