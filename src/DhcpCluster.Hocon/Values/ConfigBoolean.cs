namespace DhcpCluster.Hocon.Values;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class ConfigBoolean : ConfigScalar
{
    /// <summary>Creates a boolean value.</summary>
    public ConfigBoolean(bool value, ConfigOrigin origin)
        : base(origin) => Value = value;

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override string Text => Value ? "true" : "false";

    /// <inheritdoc />
    public override ConfigValueKind Kind => ConfigValueKind.Boolean;

    /// <inheritdoc />
    public override bool Equals(ConfigValue? other) => other is ConfigBoolean b && b.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value ? 1 : 2;

    /// <inheritdoc />
    public override string Describe() => Text;

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigBoolean(Value, origin);
}
