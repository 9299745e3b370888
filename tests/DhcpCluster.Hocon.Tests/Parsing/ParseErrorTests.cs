namespace DhcpCluster.Hocon.Tests.Parsing;

/// <summary>Every kind of parse error, with the full message: <c>file:line:col: key: problem</c>.</summary>
public sealed class ParseErrorTests
{
    private static ConfigException Fails(string text)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseString(text, "node.conf"));
        Assert.Equal("node.conf", e.File);
        return e;
    }

    [Theory]
    [InlineData("a {\n  b = 1\n", "node.conf:3:1: a: unexpected end of file: the '{' at line 1, column 3 is never closed")]
    [InlineData("a = [1, 2\n", "node.conf:2:1: a: unexpected end of file: the '[' at line 1, column 5 is never closed")]
    [InlineData("a = 1\n}", "node.conf:2:1: unexpected '}' (no object is open)")]
    [InlineData("{ a = 1 } b = 2", "node.conf:1:11: unexpected 'b' after the closing '}' of the root object")]
    [InlineData("[1, 2]", "node.conf:1:1: the root of a configuration must be an object, found a list")]
    public void Unbalanced_structure(string text, string message) => Assert.Equal(message, Fails(text).Message);

    [Theory]
    [InlineData("a = \"abc\nb = 1", "node.conf:1:5: unterminated quoted string (a newline inside quotes is written \\n; use \"\"\" for multi-line text)")]
    [InlineData("a = \"bad \\q escape\"", "node.conf:1:10: bad escape '\\q' in quoted string")]
    [InlineData("a = \"\\u12\"", "node.conf:1:6: bad escape: \\u must be followed by four hex digits")]
    [InlineData("a = \"\"\"never closed", "node.conf:1:5: unterminated triple-quoted string")]
    [InlineData("a = 1 /* never closed", "node.conf:1:7: unterminated /* comment")]
    [InlineData("a = \"bell\u0007\"", "node.conf:1:10: control character U+0007 in quoted string (write it as an escape)")]
    public void Bad_strings_and_comments(string text, string message) => Assert.Equal(message, Fails(text).Message);

    [Theory]
    [InlineData("a = foo@bar", "node.conf:1:8: reserved character '@' is not allowed outside quotes")]
    [InlineData("a = x + y", "node.conf:1:7: reserved character '+' is not allowed outside quotes (did you mean '+='?)")]
    [InlineData("a = $x", "node.conf:1:5: reserved character '$' is not allowed outside quotes (a substitution is written ${path})")]
    [InlineData("a = \"x\" ` ", "node.conf:1:9: reserved character '`' is not allowed outside quotes")]
    public void Reserved_characters(string text, string message) => Assert.Equal(message, Fails(text).Message);

    [Theory]
    [InlineData("server {\n  port 53\n}", "node.conf:2:10: server.\"port 53\": expected ':', '=', '+=' or '{' after the key, found end of line")]
    [InlineData("a\nb = 1", "node.conf:1:2: a: expected ':', '=', '+=' or '{' after the key, found end of line")]
    [InlineData("a = 1,, b = 2", "node.conf:1:7: two commas in a row (a value is missing between them)")]
    [InlineData("a = [1,, 2]", "node.conf:1:8: a: two commas in a row in a list (an element is missing between them)")]
    [InlineData("x { a = }", "node.conf:1:9: x.a: expected a value, found '}'")]
    [InlineData("a = 1 = 2", "node.conf:1:7: a: unexpected '=' in a value (quote text that holds it)")]
    [InlineData("a = [1 2 : 3]", "node.conf:1:10: a[0]: unexpected ':' in a value (quote text that holds it)")]
    [InlineData("a = [1 }", "node.conf:1:8: a: expected ',' or ']' after a list element, found '}'")]
    [InlineData("a = [ 1, { b = [ x, { c = } ] } ]", "node.conf:1:27: a[1].b[1].c: expected a value, found '}'")]
    [InlineData("{ a = 1 ]", "node.conf:1:9: expected ',' or a new line after a field, found ']'")]
    [InlineData(", a = 1", "node.conf:1:1: expected a key, found ','")]
    [InlineData("a..b = 1", "node.conf:1:1: key has an empty path segment (quote a key that holds a dot or is empty)")]
    [InlineData("a. = 1", "node.conf:1:1: key ends with '.' (quote a key that holds a dot)")]
    [InlineData("${x} = 1", "node.conf:1:1: expected a key, found a substitution")]
    public void Bad_keys_separators_and_values(string text, string message) => Assert.Equal(message, Fails(text).Message);

    [Theory]
    [InlineData("a = ${x", "node.conf:1:5: unterminated substitution: '${' without a closing '}'")]
    [InlineData("a = ${}", "node.conf:1:5: empty substitution or empty key in a substitution path")]
    [InlineData("a = ${x..y}", "node.conf:1:5: substitution path has an empty key (quote a key that is empty or holds a dot)")]
    public void Bad_substitution_syntax(string text, string message) => Assert.Equal(message, Fails(text).Message);

    [Theory]
    [InlineData("a = { x = 1 } foo", "node.conf:1:15: a: cannot concatenate an object with \"foo\"")]
    [InlineData("a = [1] { x = 1 }", "node.conf:1:9: a: cannot concatenate a list with an object")]
    [InlineData("a = \"s\" [1]", "node.conf:1:5: a: cannot concatenate a list with \"s\"")]
    public void Bad_concatenations(string text, string message) => Assert.Equal(message, Fails(text).Message);

    [Theory]
    [InlineData("include foo", "node.conf:1:1: malformed include: expected include \"name\", include file(\"name\"), include classpath(\"name\"), include url(\"name\") or include required(...)")]
    [InlineData("include \"a.conf\" \"b.conf\"", "node.conf:1:18: unexpected \"b.conf\" in an include statement")]
    [InlineData("x {\n  include \"a.conf\" [\n}", "node.conf:2:20: x: unexpected '[' in an include statement")]
    [InlineData("include file(\"x.conf\"", "node.conf:1:1: malformed include: expected include \"name\", include file(\"name\"), include classpath(\"name\"), include url(\"name\") or include required(...)")]
    [InlineData("include url(\"http://example.com/x.conf\")", "node.conf:1:13: include url(\"http://example.com/x.conf\"): URL includes are not supported (configuration loading does no network I/O); download the file and include it with file(...)")]
    public void Malformed_includes(string text, string message) => Assert.Equal(message, Fails(text).Message);

    [Fact]
    public void Errors_expose_file_line_column_and_path()
    {
        var e = Fails("Dhcp4 {\n  subnet4 = [ { id = 1 }\n  ]\n  valid-lifetime = [\n}");
        Assert.Equal(5, e.Line);
        Assert.Equal(1, e.Column);
        Assert.Equal("Dhcp4.valid-lifetime[0]", e.Path);
        Assert.Equal("node.conf:5:1: Dhcp4.valid-lifetime[0]: expected a value, found '}'", e.Message);
    }

    [Fact]
    public void A_missing_file_is_a_config_error_not_a_crash()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseFile("/nonexistent/dir/node.conf"));
        Assert.Equal("/nonexistent/dir/node.conf: file not found", e.Message);
    }
}
