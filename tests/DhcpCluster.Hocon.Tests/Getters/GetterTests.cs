namespace DhcpCluster.Hocon.Tests.Getters;

public sealed class GetterTests
{
    private static Config Parse(string text) => ConfigFactory.ParseString(text, "node.conf");

    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("500 ms", 500)]
    [InlineData("1 minute", 60_000)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1m", 60_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("3 days", 259_200_000)]
    [InlineData("250", 250)]
    [InlineData("\"250\"", 250)]
    [InlineData("0", 0)]
    [InlineData("2000us", 2)]
    [InlineData("3000000ns", 3)]
    [InlineData("1 second", 1000)]
    [InlineData("1.5", 1.5)]
    public void Durations(string written, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Parse($"d = {written}").GetDuration("d"));

    [Fact]
    public void Infinite_duration() => Assert.Equal(Timeout.InfiniteTimeSpan, Parse("d = infinite").GetDuration("d"));

    [Theory]
    [InlineData("abc")]
    [InlineData("10 parsecs")]
    [InlineData("-5s")]
    [InlineData("s")]
    public void Bad_durations_are_reported(string written)
    {
        var e = Assert.Throws<ConfigException>(() => Parse($"d = {written}").GetDuration("d"));
        Assert.Equal($"node.conf:1:5: d: expected a duration or number, found \"{written}\"", e.Message);
    }

    [Theory]
    [InlineData("64KiB", 65_536)]
    [InlineData("64K", 65_536)]
    [InlineData("64k", 65_536)]
    [InlineData("1MB", 1_000_000)]
    [InlineData("1 MiB", 1_048_576)]
    [InlineData("1M", 1_048_576)]
    [InlineData("2GiB", 2_147_483_648)]
    [InlineData("1kB", 1000)]
    [InlineData("1TB", 1_000_000_000_000)]
    [InlineData("512", 512)]
    [InlineData("512B", 512)]
    [InlineData("10 bytes", 10)]
    [InlineData("1.5KiB", 1536)]
    public void Byte_sizes(string written, long bytes) => Assert.Equal(bytes, Parse($"s = {written}").GetByteSize("s"));

    [Fact]
    public void Bad_byte_size_is_reported()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("s = 12 parsecs").GetByteSize("s"));
        Assert.Equal("node.conf:1:5: s: expected a size in bytes (e.g. 512, 64KiB, 1MB) or number, found \"12 parsecs\"", e.Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("\"true\"", true)]
    public void Booleans(string written, bool expected) => Assert.Equal(expected, Parse($"b = {written}").GetBoolean("b"));

    [Fact]
    public void Numbers_are_read_from_numbers_and_number_strings()
    {
        var config = Parse("i = 7\nq = \"8\"\nl = 5000000000\nd = 2.5\nneg = -1");
        Assert.Equal(7, config.GetInt("i"));
        Assert.Equal(8, config.GetInt("q"));
        Assert.Equal(5_000_000_000L, config.GetLong("l"));
        Assert.Equal(2.5, config.GetDouble("d"));
        Assert.Equal(7.0, config.GetDouble("i"));
        Assert.Equal(-1L, config.GetLong("neg"));
        Assert.Equal("7", config.GetString("i"));
        Assert.Equal("2.5", config.GetString("d"));
    }

    [Theory]
    [InlineData("v = abc", "GetInt", "node.conf:1:5: v: expected an int, found \"abc\"")]
    [InlineData("v = 1.5", "GetInt", "node.conf:1:5: v: expected an int, found 1.5")]
    [InlineData("v = 5000000000", "GetInt", "node.conf:1:5: v: expected an int (32-bit), found 5000000000, which is out of range")]
    [InlineData("v = [1]", "GetLong", "node.conf:1:5: v: expected a long integer, found a list")]
    [InlineData("v = { a = 1 }", "GetDouble", "node.conf:1:5: v: expected a number, found an object")]
    [InlineData("v = maybe", "GetBoolean", "node.conf:1:5: v: expected a boolean (true/false, on/off, yes/no), found \"maybe\"")]
    [InlineData("v = 1", "GetBoolean", "node.conf:1:5: v: expected a boolean (true/false, on/off, yes/no), found 1")]
    [InlineData("v = [1]", "GetString", "node.conf:1:5: v: expected a string, found a list")]
    [InlineData("v = null", "GetString", "node.conf:1:5: v: expected a string, found null")]
    [InlineData("v = x", "GetStringList", "node.conf:1:5: v: expected a list, found \"x\"")]
    [InlineData("v = [a, {}]", "GetStringList", "node.conf:1:9: v[1]: expected a string, found an object")]
    [InlineData("v = [1, x]", "GetIntList", "node.conf:1:9: v[1]: expected an int, found \"x\"")]
    [InlineData("v = 3", "GetConfig", "node.conf:1:5: v: expected an object, found 3")]
    [InlineData("v = [{}, 2]", "GetConfigList", "node.conf:1:10: v[1]: expected an object, found 2")]
    [InlineData("v = true", "GetByteSize", "node.conf:1:5: v: expected a size in bytes (e.g. 512, 64KiB, 1MB) or number, found true")]
    public void Type_mismatches_name_file_line_column_key_and_value(string text, string getter, string message)
    {
        var config = Parse(text);
        Action read = getter switch
        {
            "GetInt" => () => config.GetInt("v"),
            "GetLong" => () => config.GetLong("v"),
            "GetDouble" => () => config.GetDouble("v"),
            "GetBoolean" => () => config.GetBoolean("v"),
            "GetString" => () => config.GetString("v"),
            "GetStringList" => () => config.GetStringList("v"),
            "GetIntList" => () => config.GetIntList("v"),
            "GetConfig" => () => config.GetConfig("v"),
            "GetConfigList" => () => config.GetConfigList("v"),
            "GetByteSize" => () => config.GetByteSize("v"),
            _ => throw new ArgumentOutOfRangeException(nameof(getter)),
        };
        var e = Assert.Throws<ConfigException>(read);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void The_example_message_of_the_issue()
    {
        var text = string.Concat(Enumerable.Repeat("# padding\n", 10)) + "Dhcp4 {\n      valid-lifetime = abc\n}";
        var e = Assert.Throws<ConfigException>(() => Parse(text).GetDuration("Dhcp4.valid-lifetime"));
        Assert.Equal("node.conf:12:24: Dhcp4.valid-lifetime: expected a duration or number, found \"abc\"", e.Message);
        Assert.Equal("node.conf", e.File);
        Assert.Equal(12, e.Line);
        Assert.Equal(24, e.Column);
        Assert.Equal("Dhcp4.valid-lifetime", e.Path);
        Assert.Equal("expected a duration or number, found \"abc\"", e.Problem);
    }

    [Fact]
    public void A_missing_key_names_the_nearest_object_that_exists()
    {
        var config = Parse("x = 1\nDhcp4 {\n  renew-timer = 1\n}");
        var e = Assert.Throws<ConfigException>(() => config.GetInt("Dhcp4.valid-lifetime"));
        Assert.Equal("node.conf:2:7: Dhcp4.valid-lifetime: missing (no value set and no default in any reference.conf)", e.Message);
        var deeper = Assert.Throws<ConfigException>(() => config.GetInt("x.y"));
        Assert.Equal("node.conf:1:5: x.y: x is 1, not an object", deeper.Message);
    }

    [Fact]
    public void A_missing_key_in_an_empty_config_is_still_a_config_error()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.Empty.GetString("a.b"));
        Assert.Equal("<empty config>: a.b: missing (no value set and no default in any reference.conf)", e.Message);
    }

    [Fact]
    public void Sub_configurations_report_full_paths()
    {
        var config = Parse("Dhcp4 {\n  subnet4 = [\n    { id = 1, pools = [ { pool = \"a\" } ] }\n    { id = 2, pools = [ { pool = \"b\" }, { pool = [] } ] }\n  ]\n}");
        var subnets = config.GetConfig("Dhcp4").GetConfigList("subnet4");
        Assert.Equal("Dhcp4.subnet4[1]", subnets[1].Position);
        var pools = subnets[1].GetConfigList("pools");
        var e = Assert.Throws<ConfigException>(() => pools[1].GetString("pool"));
        Assert.Equal("node.conf:4:50: Dhcp4.subnet4[1].pools[1].pool: expected a string, found a list", e.Message);
        var missing = Assert.Throws<ConfigException>(() => subnets[0].GetInt("valid-lifetime"));
        Assert.Equal("node.conf:3:5: Dhcp4.subnet4[0].valid-lifetime: missing (no value set and no default in any reference.conf)", missing.Message);
    }

    [Fact]
    public void HasPath_and_keys_enumeration()
    {
        var config = Parse("b = 1\na { x = 1, y = null }\nc = [1]");
        Assert.True(config.HasPath("a.x"));
        Assert.False(config.HasPath("a.y"));
        Assert.False(config.HasPath("a.z"));
        Assert.False(config.HasPath("b.x"));
        Assert.Equal(["b", "a", "c"], config.Keys, StringComparer.Ordinal);
        Assert.Equal(["x", "y"], config.GetConfig("a").Keys, StringComparer.Ordinal);
        Assert.False(config.IsEmpty);
        Assert.True(config.TryGetValue("c", out var list));
        Assert.Equal(Values.ConfigValueKind.Array, list!.Kind);
        Assert.False(config.TryGetValue("nope", out _));
    }

    [Fact]
    public void ErrorAt_builds_messages_for_checks_done_by_callers()
    {
        var config = Parse("Dhcp4 {\n  subnet4 = [ { subnet = \"10.0.0.0/33\" } ]\n}");
        var subnet = config.GetConfigList("Dhcp4.subnet4")[0];
        var e = subnet.ErrorAt("subnet", "prefix length 33 is larger than 32");
        Assert.Equal("node.conf:2:26: Dhcp4.subnet4[0].subnet: prefix length 33 is larger than 32", e.Message);
    }

    [Fact]
    public void Numerically_indexed_objects_are_read_as_lists()
    {
        var config = Parse("servers { 1 = b, 0 = a, 10 = c, name = ignored }\nnone { x = 1 }");
        Assert.Equal(["a", "b", "c"], config.GetStringList("servers"));
        var e = Assert.Throws<ConfigException>(() => config.GetStringList("none"));
        Assert.Equal("node.conf:2:6: none: expected a list, found an object", e.Message);
    }

    [Fact]
    public void Entries_flatten_the_tree_in_written_order()
    {
        var config = Parse("b = 1\na { y = [1], x { \"q.r\" = 2 } }\nc = null");
        Assert.Equal(["b", "a.y", "a.x.\"q.r\"", "c"], config.Entries().Select(e => e.Key), StringComparer.Ordinal);
        Assert.Equal(["a.y"], config.Entries().Where(e => e.Value.Kind == Values.ConfigValueKind.Array).Select(e => e.Key), StringComparer.Ordinal);
        Assert.Equal(["a.x.\"q.r\""], config.GetConfig("a.x").Entries().Select(e => e.Key), StringComparer.Ordinal);
    }
}
