namespace DhcpCluster.Hocon.Tests.Rendering;

public sealed class RenderingTests
{
    private static readonly Config Sample = ConfigFactory.ParseString("""
        Dhcp4 {
          valid-lifetime = 4000
          "a.b" = "text with \"quotes\""
          include = x
          flags = [true, null, 1.5e3]
          empty {}
          none = []
          nested = [ { a = 1 }, [x] ]
        }
        """);

    [Fact]
    public void Hocon_rendering_quotes_strings_and_keys_only_where_needed()
    {
        Assert.Equal(
            "Dhcp4 {\n    valid-lifetime = 4000\n    \"a.b\" = \"text with \\\"quotes\\\"\"\n    \"include\" = \"x\"\n    flags = [true, null, 1.5e3]\n    empty {}\n    none = []\n    nested = [\n        {\n            a = 1\n        }\n        [\"x\"]\n    ]\n}\n",
            Sample.ToHocon());
    }

    [Fact]
    public void Json_rendering_is_plain_json()
    {
        Assert.Equal(
            "{\n    \"Dhcp4\": {\n        \"valid-lifetime\": 4000,\n        \"a.b\": \"text with \\\"quotes\\\"\",\n        \"include\": \"x\",\n        \"flags\": [true, null, 1.5e3],\n        \"empty\": {},\n        \"none\": [],\n        \"nested\": [\n            {\n                \"a\": 1\n            },\n            [\"x\"]\n        ]\n    }\n}\n",
            Sample.ToJson());
    }

    [Fact]
    public void Json_rendering_of_a_resolved_config_holds_the_substituted_values()
    {
        var config = ConfigFactory.ParseString("a = 1\nb = ${a}\nc = [${a}, 2]");
        Assert.Equal("{\n    \"a\": 1,\n    \"b\": 1,\n    \"c\": [1, 2]\n}\n", config.ToJson());
    }

    [Fact]
    public void Unresolved_configurations_cannot_be_rendered()
    {
        var config = ConfigFactory.ParseStringUnresolved("a = ${b}");
        var e = Assert.Throws<InvalidOperationException>(() => config.ToJson());
        Assert.Equal("cannot render ${b}: resolve the configuration first", e.Message);
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_are_escaped()
    {
        var config = ConfigFactory.ParseString("a = \"\\u0001\\ud800\\u2028\"");
        Assert.Equal("a = \"\\u0001\\ud800\\u2028\"\n", config.ToHocon());
        Assert.Equal("\u0001\ud800\u2028", ConfigFactory.ParseString(config.ToHocon()).GetString("a"));
    }

    [Fact]
    public void A_single_value_renders_without_a_line_end()
    {
        var config = ConfigFactory.ParseString("d = 5s\nn = 42\nl = [1, \"a\"]\no { x = 1 }");
        Assert.Equal("\"5s\"", config.GetValue("d").ToHocon());
        Assert.Equal("42", config.GetValue("n").ToJson());
        Assert.Equal("[1, \"a\"]", config.GetValue("l").ToHocon());
        Assert.Equal("[1, \"a\"]", config.GetValue("l").ToJson());
        Assert.Equal("x = 1\n", config.GetValue("o").ToHocon());
        Assert.Equal("{\n    \"x\": 1\n}\n", config.GetValue("o").ToJson());
    }
}
