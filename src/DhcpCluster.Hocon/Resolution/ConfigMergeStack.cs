using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Resolution;

/// <summary>
/// Several assignments to one key whose merge must wait for substitutions: <c>a = {x = 1}, a = ${b}</c>.
/// <see cref="Stack"/>[0] is the last (winning) assignment; the others are what it falls back to and what
/// a self-reference in it (<c>a = ${a} {y = 2}</c>) sees.
/// </summary>
internal sealed class ConfigMergeStack : ConfigValue
{
    public ConfigMergeStack(ConfigValue[] stack, ConfigOrigin origin)
        : base(origin) => Stack = stack;

    public ConfigValue[] Stack { get; }

    public override ConfigValueKind Kind => ConfigValueKind.Unresolved;

    public override bool IsResolved => false;

    public override bool Equals(ConfigValue? other) => other is ConfigMergeStack m && m.Stack.AsSpan().SequenceEqual(Stack);

    public override int GetHashCode() => Stack.Length;

    public override string Describe() => Stack[0].Describe();

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigMergeStack(Stack, origin);
}
