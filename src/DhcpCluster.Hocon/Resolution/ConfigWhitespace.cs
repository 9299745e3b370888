using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Resolution;

/// <summary>Whitespace between two pieces of a concatenation: kept in a string, ignored between objects or lists.</summary>
internal sealed class ConfigWhitespace : ConfigScalar
{
    public ConfigWhitespace(string text, ConfigOrigin origin)
        : base(origin) => Text = text;

    public override string Text { get; }

    public override ConfigValueKind Kind => ConfigValueKind.String;

    public override bool Equals(ConfigValue? other) => other is ConfigWhitespace w && string.Equals(w.Text, Text, StringComparison.Ordinal);

    public override int GetHashCode() => Text.Length;

    public override string Describe() => "whitespace";

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigWhitespace(Text, origin);
}
