using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Resolution;

/// <summary>
/// Several assignments to one key whose merge must wait for substitutions: <c>a = {x = 1}, a = ${b}</c>.
/// <see cref="Top"/> is the last (winning) assignment; <see cref="Below"/> is what it falls back to and what a
/// self-reference in it (<c>a = ${a} {y = 2}</c>, <c>a += 1</c>) sees. A linked list, so that a key assigned
/// thousands of times (<c>subnet4 += {...}</c>) grows in constant time per assignment.
/// </summary>
internal sealed class ConfigMergeStack : ConfigValue
{
    public ConfigMergeStack(ConfigValue top, ConfigValue below)
        : base(top.Origin)
    {
        Top = top;
        Below = below;
    }

    public ConfigValue Top { get; }

    public ConfigValue Below { get; }

    public override ConfigValueKind Kind => ConfigValueKind.Unresolved;

    public override bool IsResolved => false;

    public override bool Equals(ConfigValue? other) => other is ConfigMergeStack m && m.Top.Equals(Top) && m.Below.Equals(Below);

    public override int GetHashCode() => Top.GetHashCode();

    public override string Describe() => Top.Describe();

    /// <summary>This stack with <paramref name="fallback"/> under its bottom.</summary>
    public ConfigMergeStack Over(ConfigValue fallback)
    {
        var below = Below is ConfigMergeStack deeper ? deeper.Over(fallback) : new ConfigMergeStack(Below, fallback);
        return new ConfigMergeStack(Top, below);
    }

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => this;
}
