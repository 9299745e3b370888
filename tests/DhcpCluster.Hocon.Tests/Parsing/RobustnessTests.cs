using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Hocon.Tests.Parsing;

/// <summary>Whatever the text, parsing either succeeds or throws <see cref="ConfigException"/>: never another exception.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "=", ":", ",", "\n", " ", "\t", "a", "b.c", "\"x\"", "\"\"", "\"\"\"", "\"\"\"t\"\"\"", "${a}", "${?b}", "${",
        "#", "//", "/*", "*/", "+=", "include ", "\"nope.conf\"", "file(", ")", "required(", "classpath(", "1", "1.5e3", "-",
        "true", "null", "\\", "$", "\"\\u12", "\"\\q\"", "@", "a.", ".", "..", "\r\n", "\uFEFF", "é", "\u3000", "0", "a = ${a}",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Fact]
    public void Any_text_parses_or_fails_with_a_config_exception() =>
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Texts(), text =>
        {
            try
            {
                var config = ConfigFactory.ParseStringUnresolved(text, "fuzz.conf").Resolve(_ => null);
                // What parses renders to text that parses back to the same tree.
                return ConfigFactory.ParseString(config.ToHocon()).Root.Equals(config.Root);
            }
            catch (ConfigException e)
            {
                return e.Message.StartsWith("fuzz.conf:", StringComparison.Ordinal) || e.File.Length > 0;
            }
        }));

    [Fact]
    public void Absurdly_deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var deep = "a = " + new string('[', 100_000) + new string(']', 100_000);
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseString(deep, "deep.conf"));
        Assert.StartsWith("deep.conf:1:504: a[0][0][0]", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("[0]: nested more than 500 levels deep", e.Message, StringComparison.Ordinal);
        var objects = string.Concat(Enumerable.Repeat("a {", 100_000));
        Assert.Contains("nested more than 500 levels deep", Assert.Throws<ConfigException>(() => ConfigFactory.ParseString(objects)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_of_a_few_hundred_levels_is_fine()
    {
        var config = ConfigFactory.ParseString("a = " + new string('[', 300) + "1" + new string(']', 300));
        Assert.Single(config.GetList("a"));
    }

    [Fact]
    public void An_absurdly_long_substitution_chain_is_an_error_not_a_stack_overflow()
    {
        var text = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"k{i} = ${{k{i + 1}}}")) + "\nk5000 = end";
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseString(text, "chain.conf"));
        Assert.Contains("substitution chain longer than 200", e.Message, StringComparison.Ordinal);
        var shortChain = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"k{i} = ${{k{i + 1}}}")) + "\nk100 = end";
        Assert.Equal("end", ConfigFactory.ParseString(shortChain).GetString("k0"));
    }
}
