using DhcpCluster.Hocon.Values;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Hocon.Tests.Rendering;

/// <summary>Any configuration tree rendered to HOCON or JSON and parsed again gives an equal tree.</summary>
public sealed class RoundTripPropertyTests
{
    private static readonly ConfigOrigin Here = new("generated", 0, 0);

    // Keys and strings that stress quoting: dots, quotes, escapes, whitespace, comment starts, reserved words and characters.
    private static readonly string[] TrickyTexts =
    [
        "", " ", "a", "a.b", "include", "true", "null", "10", "1.5", "-", "a b", "\"", "\\", "\n", "\t\r", "//", "#", "/*",
        "${x}", "${?x}", "+=", "{", "}", "[", "]", ":", "=", ",", "é", "\u20AC", "\u2028", "\0", "\u007f", "\"\"\"", "key-with_dash",
        "Dhcp4", "192.0.2.0/24", "\uD83D\uDE00",
    ];

    private static Gen<char> CharGen() => Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(i => (char)i)),
        (1, Gen.Choose(0, 0x1F).Select(i => (char)i)),
        (1, Gen.Choose(0x80, 0xFFFF).Select(i => (char)i)),
        (2, Gen.Elements('"', '\\', '.', '$', '{', '}', ' ', '\n', '#', '/')));

    private static Gen<string> TextGen() => Gen.Frequency(
        (2, Gen.Elements(TrickyTexts)),
        (3, Gen.ArrayOf(CharGen()).Select(chars => new string(chars))));

    private static Gen<ConfigValue> ScalarGen() => Gen.Frequency(
        (3, TextGen().Select(s => (ConfigValue)new ConfigString(s, Here))),
        (2, Gen.Choose(int.MinValue, int.MaxValue).Select(i => (ConfigValue)ConfigNumber.FromLong(i, Here))),
        (1, Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => (ConfigValue)ConfigNumber.FromLong(((long)t.Item1 << 32) | (uint)t.Item2, Here))),
        (1, Gen.Choose(-1_000_000, 1_000_000).Select(i => (ConfigValue)ConfigNumber.FromDouble(i / 64.0, Here))),
        (1, Gen.Choose(-300, 300).Select(e => (ConfigValue)ConfigNumber.FromDouble(1.2345 * Math.Pow(10, e), Here))),
        (1, Gen.Elements(true, false).Select(b => (ConfigValue)new ConfigBoolean(b, Here))),
        (1, Gen.Constant((ConfigValue)new ConfigNull(Here))));

    private static Gen<ConfigObject> ObjectGen(int size) =>
        Gen.ListOf(Gen.Zip(TextGen(), ValueGen(size)), Math.Min(size, 6))
            .Select(fields =>
            {
                var map = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
                foreach (var (key, value) in fields)
                {
                    map[key] = value;
                }

                return new ConfigObject(map, Here);
            });

    private static Gen<ConfigValue> ValueGen(int size) => size <= 1
        ? ScalarGen()
        : Gen.Frequency(
            (4, ScalarGen()),
            (2, Gen.Sized(_ => ObjectGen(size / 2)).Select(o => (ConfigValue)o)),
            (2, Gen.ListOf(ValueGen(size / 2), Math.Min(size, 5)).Select(items => (ConfigValue)new ConfigArray(items, Here))));

    private static Arbitrary<ConfigObject> Trees() => Gen.Sized(size => ObjectGen(Math.Max(size, 2))).Resize(24).ToArbitrary();

    [Fact]
    public void Rendering_to_hocon_and_parsing_gives_an_equal_tree() =>
        Prop.ForAll(Trees(), tree => ConfigFactory.ParseString(tree.ToHocon()).Root.Equals(tree))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Rendering_to_json_and_parsing_gives_an_equal_tree() =>
        Prop.ForAll(Trees(), tree => ConfigFactory.ParseString(tree.ToJson()).Root.Equals(tree))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Rendering_a_config_twice_gives_the_same_text() =>
        Prop.ForAll(Trees(), tree =>
        {
            var once = tree.ToHocon();
            return string.Equals(ConfigFactory.ParseString(once).ToHocon(), once, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_generator_makes_nested_trees_with_keys_that_need_quotes()
    {
        var samples = Gen.Sized(size => ObjectGen(Math.Max(size, 2))).Sample(24, 40);
        Assert.Contains(samples, t => t.Fields.Any(f => f.Value is ConfigObject { Count: > 0 }));
        Assert.Contains(samples, t => t.Fields.Any(f => f.Value is ConfigArray { Count: > 0 }));
        Assert.Contains(samples, t => t.Keys.Any(k => k.Contains('.', StringComparison.Ordinal) || k.Contains('"', StringComparison.Ordinal)));
        Assert.Contains(samples, t => t.Fields.Any(f => f.Value is ConfigString s && s.Value.Contains('\\', StringComparison.Ordinal)));
    }

    [Fact]
    public void Equality_is_not_trivially_true()
    {
        var a = ConfigFactory.ParseString("a { b = [1, \"x\", null, true, 1.5] }").Root;
        Assert.Equal(a, ConfigFactory.ParseString(a.ToJson()).Root);
        Assert.NotEqual(a, ConfigFactory.ParseString("a { b = [1, \"x\", null, true, 2.5] }").Root);
        Assert.NotEqual(a, ConfigFactory.ParseString("a { b = [1, \"x\", null, false, 1.5] }").Root);
        Assert.NotEqual(a, ConfigFactory.ParseString("a { b = [1, \"1\", null, true, 1.5] }").Root);
        Assert.NotEqual(a, ConfigFactory.ParseString("a { b = [1, \"x\", null, true] }").Root);
        Assert.NotEqual(a, ConfigFactory.ParseString("a { c = [1, \"x\", null, true, 1.5] }").Root);
        Assert.NotEqual<ConfigValue>(new ConfigString("true", Here), new ConfigBoolean(true, Here));
        Assert.NotEqual<ConfigValue>(new ConfigString("null", Here), new ConfigNull(Here));
    }
}
