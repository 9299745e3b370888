using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Tests.Parsing;

public sealed class SyntaxTests
{
    private static Config Parse(string text) => ConfigFactory.ParseString(text, "test.conf");

    [Fact]
    public void Root_braces_are_optional_and_both_forms_are_equal()
    {
        var braced = Parse("{ a = 1, b = x }");
        var bare = Parse("a = 1\nb = x");
        Assert.Equal(braced.Root, bare.Root);
        Assert.Equal(1, bare.GetInt("a"));
        Assert.Equal("x", bare.GetString("b"));
    }

    [Fact]
    public void Empty_text_and_comment_only_text_give_an_empty_config()
    {
        Assert.True(Parse("").IsEmpty);
        Assert.True(Parse("  \n# nothing\n// here\n/* at all */\n").IsEmpty);
        Assert.True(Parse("{}").IsEmpty);
    }

    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1")]
    [InlineData("a:1")]
    [InlineData("\"a\" : 1")]
    public void Equals_and_colon_separate_key_and_value(string text) => Assert.Equal(1, Parse(text).GetInt("a"));

    [Fact]
    public void An_open_brace_after_a_key_needs_no_separator()
    {
        var config = Parse("a { b { c = 1 } }");
        Assert.Equal(1, config.GetInt("a.b.c"));
    }

    [Fact]
    public void Newlines_and_commas_separate_fields_and_trailing_commas_are_allowed()
    {
        var config = Parse("a = 1, b = 2,\nc = 3\n\nd = [1, 2, 3,]\ne = [\n  4\n  5\n]\nf = { x = 1, }");
        Assert.Equal(3, config.GetInt("c"));
        Assert.Equal([1, 2, 3], config.GetIntList("d"));
        Assert.Equal([4, 5], config.GetIntList("e"));
        Assert.Equal(1, config.GetInt("f.x"));
    }

    [Fact]
    public void Dotted_keys_are_paths_and_quoted_keys_keep_their_dots()
    {
        var config = Parse("a.b.c = 1\n\"x.y\" = 2\nm.\"n.o\".p = 3\n\"\" = empty");
        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.Equal(2, config.GetInt("\"x.y\""));
        Assert.Equal(3, config.Root["m"] is ConfigObject m && m["n.o"] is ConfigObject no ? ((ConfigNumber)no["p"]!).Long : -1);
        Assert.Equal("empty", config.GetString("\"\""));
        Assert.False(config.HasPath("x"));
    }

    [Fact]
    public void A_number_key_is_split_at_its_dot()
    {
        var config = Parse("1.5 = x");
        Assert.Equal("x", config.GetString("1.5"));
        Assert.IsType<ConfigObject>(config.Root["1"]);
    }

    [Fact]
    public void Whitespace_inside_an_unquoted_key_is_kept()
    {
        var config = Parse("a b c = 1");
        Assert.Equal(["a b c"], config.Keys, StringComparer.Ordinal);
    }

    [Fact]
    public void Duplicate_object_keys_merge_and_a_later_value_replaces()
    {
        var config = Parse("a { x = 1, y = 2 }\na { y = 3, z = 4 }\nb { x = 1 }\nb = 5\nc = 5\nc { x = 1 }\na.w = 0");
        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(3, config.GetInt("a.y"));
        Assert.Equal(4, config.GetInt("a.z"));
        Assert.Equal(0, config.GetInt("a.w"));
        Assert.Equal(5, config.GetInt("b"));
        Assert.Equal(1, config.GetInt("c.x"));
        Assert.Equal(["x", "y", "z", "w"], config.GetConfig("a").Keys, StringComparer.Ordinal);
    }

    [Fact]
    public void Null_replaces_and_is_not_a_path()
    {
        var config = Parse("a { x = 1 }\na = null\nb = null");
        Assert.False(config.HasPath("a"));
        Assert.False(config.HasPath("b"));
        Assert.IsType<ConfigNull>(config.GetValue("b"));
    }

    [Fact]
    public void Unquoted_strings_booleans_null_and_numbers_are_told_apart()
    {
        var config = Parse("s = hello\nt = true\nf = false\nn = null\ni = 42\nneg = -7\nl = 9000000000\nd = 1.5\ne = 1e3\ne2 = 2.5E+2\nv = 1.2.3\nu = truex\nz = 0");
        Assert.IsType<ConfigString>(config.GetValue("s"));
        Assert.Equal(ConfigValueKind.Boolean, config.GetValue("t").Kind);
        Assert.False(config.GetBoolean("f"));
        Assert.IsType<ConfigNull>(config.GetValue("n"));
        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(-7, config.GetInt("neg"));
        Assert.Equal(9_000_000_000L, config.GetLong("l"));
        Assert.Equal(1.5, config.GetDouble("d"));
        Assert.Equal(1000.0, config.GetDouble("e"));
        Assert.Equal(250.0, config.GetDouble("e2"));
        Assert.Equal("1.2.3", config.GetString("v"));
        Assert.IsType<ConfigString>(config.GetValue("u"));
        Assert.Equal(0, config.GetInt("z"));
        Assert.Equal("1e3", config.GetString("e"));
    }

    [Fact]
    public void Unquoted_strings_may_hold_slashes_and_dots_but_a_double_slash_starts_a_comment()
    {
        var config = Parse("a = /var/lib/kea.leases\nb = foo//comment\nc = 10/2");
        Assert.Equal("/var/lib/kea.leases", config.GetString("a"));
        Assert.Equal("foo", config.GetString("b"));
        Assert.Equal("10/2", config.GetString("c"));
    }

    [Fact]
    public void Quoted_strings_decode_json_escapes()
    {
        var config = Parse("""a = "q\" b\\ s\/ \b\f\n\r\t \u00e9\u20AC" """);
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t \u00e9\u20AC", config.GetString("a"));
    }

    [Fact]
    public void Triple_quoted_strings_are_raw_and_may_span_lines()
    {
        var config = Parse("a = \"\"\"line one\n  \"quoted\" \\n raw\nend\"\"\"\nb = \"\"\"x\"\"\"\"\"\nc = 1");
        Assert.Equal("line one\n  \"quoted\" \\n raw\nend", config.GetString("a"));
        Assert.Equal("x\"\"", config.GetString("b"));
        Assert.Equal(5, config.GetValue("c").Origin.Line);
    }

    [Fact]
    public void String_concatenation_keeps_the_whitespace_between_values()
    {
        var config = Parse("a = foo bar   baz\nb = \"x\"  y \"z\"\nc = 10 s\nd = 1 2\ne = true false ");
        Assert.Equal("foo bar   baz", config.GetString("a"));
        Assert.Equal("x  y z", config.GetString("b"));
        Assert.Equal("10 s", config.GetString("c"));
        Assert.Equal("1 2", config.GetString("d"));
        Assert.Equal("true false", config.GetString("e"));
    }

    [Fact]
    public void Arrays_and_objects_concatenate()
    {
        var config = Parse("a = [1, 2] [3]\nb = { x = 1 } { y = 2 }\nc = [1]   [2]");
        Assert.Equal([1, 2, 3], config.GetIntList("a"));
        Assert.Equal(1, config.GetInt("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
        Assert.Equal([1, 2], config.GetIntList("c"));
    }

    [Fact]
    public void An_object_after_a_key_without_separator_may_be_concatenated_too()
    {
        var config = Parse("a { x = 1 } { y = 2 }\nb { x = 1 } ${a}");
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void Object_concatenation_lets_the_later_object_win()
    {
        var config = Parse("a = { x = 1, y = 1 } { y = 2 }");
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal(1, config.GetInt("a.x"));
    }

    [Fact]
    public void Comments_of_every_kind_are_ignored()
    {
        var config = Parse("""
            # hash comment
            a = 1 # after a value
            // slash comment
            b = 2 // after a value
            /* block
               comment */ c = 3
            d = /* inline */ 4
            e = [1, /* two */ 2]
            f = "# not a comment"
            g = "// not a comment"
            """);
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(3, config.GetInt("c"));
        Assert.Equal(4, config.GetInt("d"));
        Assert.Equal([1, 2], config.GetIntList("e"));
        Assert.Equal("# not a comment", config.GetString("f"));
        Assert.Equal("// not a comment", config.GetString("g"));
    }

    [Fact]
    public void Include_is_an_ordinary_key_when_quoted_or_followed_by_a_separator()
    {
        var config = Parse("\"include\" = 1\ninclude-dir = 2\nx { include = 3 }");
        Assert.Equal(1, config.GetInt("include"));
        Assert.Equal(2, config.GetInt("include-dir"));
        Assert.Equal(3, config.GetInt("x.include"));
    }

    [Fact]
    public void Nested_arrays_of_objects_parse()
    {
        var config = Parse("a = [ { b = [ { c = 1 }, { c = 2 } ] }, {} ]");
        var outer = config.GetConfigList("a");
        Assert.Equal(2, outer.Count);
        Assert.Equal([1, 2], outer[0].GetConfigList("b").Select(c => c.GetInt("c")));
        Assert.True(outer[1].IsEmpty);
    }

    [Fact]
    public void Origins_point_at_file_line_and_column()
    {
        var config = ConfigFactory.ParseString("a {\n  b = 1\n    c = \"x\"\n}\nlist = [\n  10\n]", "origin.conf");
        Assert.Equal(new ConfigOrigin("origin.conf", 2, 7), config.GetOrigin("a.b"));
        Assert.Equal(new ConfigOrigin("origin.conf", 3, 9), config.GetOrigin("a.c"));
        Assert.Equal(new ConfigOrigin("origin.conf", 1, 3), config.GetOrigin("a"));
        Assert.Equal(new ConfigOrigin("origin.conf", 6, 3), config.GetList("list")[0].Origin);
        Assert.Equal("origin.conf:2:7", config.GetOrigin("a.b").ToString());
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var config = Parse("\uFEFFa = 1\r\nb = two\r\n");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("two", config.GetString("b"));
    }

    [Fact]
    public void A_newline_after_the_separator_is_allowed_as_in_formatted_json()
    {
        var config = Parse("{\n\"a\":\n  [1, 2],\n\"b\" :\n  3\n}");
        Assert.Equal([1, 2], config.GetIntList("a"));
        Assert.Equal(3, config.GetInt("b"));
    }

    [Fact]
    public void Unicode_whitespace_separates_tokens()
    {
        var config = Parse("a\u00A0=\u2003value\u3000\nb = x\u00A0y");
        Assert.Equal("value", config.GetString("a"));
        Assert.Equal("x\u00A0y", config.GetString("b"));
    }

    [Fact]
    public void Json_files_parse_through_ParseFile()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("kea.json", "{\"Dhcp4\": {\"valid-lifetime\": 4000, \"subnet4\": []}}");
        var config = ConfigFactory.ParseFile(file);
        Assert.Equal(4000, config.GetInt("Dhcp4.valid-lifetime"));
        Assert.Empty(config.GetConfigList("Dhcp4.subnet4"));
        Assert.Equal(file, config.GetOrigin("Dhcp4.valid-lifetime").File);
    }
}
