namespace DhcpCluster.Hocon.Values;

/// <summary><c>null</c>: a key explicitly set to nothing (<see cref="Config.HasPath(string)"/> answers false for it).</summary>
public sealed class ConfigNull : ConfigScalar
{
    /// <summary>Creates a null value.</summary>
    public ConfigNull(ConfigOrigin origin)
        : base(origin)
    {
    }

    /// <inheritdoc />
    public override string Text => "null";

    /// <inheritdoc />
    public override ConfigValueKind Kind => ConfigValueKind.Null;

    /// <inheritdoc />
    public override bool Equals(ConfigValue? other) => other is ConfigNull;

    /// <inheritdoc />
    public override int GetHashCode() => 3;

    /// <inheritdoc />
    public override string Describe() => "null";

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigNull(origin);
}
