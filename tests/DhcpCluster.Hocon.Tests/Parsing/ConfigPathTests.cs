namespace DhcpCluster.Hocon.Tests.Parsing;

public sealed class ConfigPathTests
{
    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData("Dhcp4.valid-lifetime", new[] { "Dhcp4", "valid-lifetime" })]
    [InlineData("a.\"b.c\".d", new[] { "a", "b.c", "d" })]
    [InlineData("\"\"", new[] { "" })]
    [InlineData("\"a\\\"b\"", new[] { "a\"b" })]
    [InlineData("x.\"\\u0041\"", new[] { "x", "A" })]
    public void Parse_splits_unquoted_dots_only(string expression, string[] segments) =>
        Assert.Equal(segments, ConfigPath.Parse(expression).Segments);

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a.\"b")]
    public void Bad_paths_are_refused(string expression) => Assert.Throws<ArgumentException>(() => ConfigPath.Parse(expression));

    [Fact]
    public void ToString_quotes_what_needs_it_and_reads_back()
    {
        var path = ConfigPath.Of("a", "b.c", "", "include", "x y", "ok-key_1");
        Assert.Equal("a.\"b.c\".\"\".\"include\".\"x y\".ok-key_1", path.ToString());
        Assert.Equal(path, ConfigPath.Parse(path.ToString()));
        Assert.Equal("a.b.c..include.x y.ok-key_1", path.ToPlainString());
    }

    [Fact]
    public void Prefixes_and_appends()
    {
        var path = ConfigPath.Parse("a.b.c");
        Assert.True(path.StartsWith(ConfigPath.Parse("a.b")));
        Assert.False(path.StartsWith(ConfigPath.Parse("a.c")));
        Assert.True(path.StartsWith(ConfigPath.Root));
        Assert.Equal(ConfigPath.Parse("a.b"), path.Prefix(2));
        Assert.Equal(ConfigPath.Parse("a.b.c.d"), path.Append("d"));
        Assert.Equal(path, ConfigPath.Parse("a").Append(ConfigPath.Parse("b.c")));
        Assert.Equal("c", path.Last);
        Assert.True(ConfigPath.Root.IsRoot);
    }
}
