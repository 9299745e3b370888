using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Resolution;

/// <summary>A value concatenation that holds at least one substitution: <c>${a} "x" ${b}</c>, <c>${list} [1]</c>.</summary>
internal sealed class ConfigConcatenation : ConfigValue
{
    public ConfigConcatenation(ConfigValue[] pieces, ConfigOrigin origin)
        : base(origin) => Pieces = pieces;

    /// <summary>The pieces in order; whitespace between pieces is a <see cref="ConfigWhitespace"/>.</summary>
    public ConfigValue[] Pieces { get; }

    public override ConfigValueKind Kind => ConfigValueKind.Unresolved;

    public override bool IsResolved => false;

    public override bool Equals(ConfigValue? other) =>
        other is ConfigConcatenation c && c.Pieces.AsSpan().SequenceEqual(Pieces);

    public override int GetHashCode() => Pieces.Length;

    public override string Describe() => "a concatenation with substitutions";

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigConcatenation(Pieces, origin);
}
