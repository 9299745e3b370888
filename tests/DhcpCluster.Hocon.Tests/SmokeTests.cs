namespace DhcpCluster.Hocon.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Parses_basic_hocon_and_json()
    {
        var config = ConfigFactory.ParseString("""
            a.b = 1
            c { d = "x", e = [1, 2, 3] }
            f = ${a.b}
            g = 10s
            h : on
            # comment
            // comment
            /* block */
            """);
        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal("x", config.GetString("c.d"));
        Assert.Equal(1, config.GetInt("f"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetDuration("g"));
        Assert.True(config.GetBoolean("h"));
        Assert.Equal(["1", "2", "3"], config.GetStringList("c.e"));
    }

    [Fact]
    public void Self_reference_and_plus_equals()
    {
        var config = ConfigFactory.ParseString("""
            path = "a"
            path = ${path}":b"
            list = [1]
            list += 2
            obj { x = 1 }
            obj = ${obj} { y = 2 }
            """);
        Assert.Equal("a:b", config.GetString("path"));
        Assert.Equal([1, 2], config.GetIntList("list"));
        Assert.Equal(1, config.GetInt("obj.x"));
        Assert.Equal(2, config.GetInt("obj.y"));
    }

    [Fact]
    public void Type_mismatch_message()
    {
        var config = ConfigFactory.ParseString("Dhcp4 {\n  valid-lifetime = abc\n}", "node.conf");
        var e = Assert.Throws<ConfigException>(() => config.GetDuration("Dhcp4.valid-lifetime"));
        Assert.Equal("node.conf:2:20: Dhcp4.valid-lifetime: expected a duration or number, found \"abc\"", e.Message);
    }
}
