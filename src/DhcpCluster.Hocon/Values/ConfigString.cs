namespace DhcpCluster.Hocon.Values;

/// <summary>A string value.</summary>
public sealed class ConfigString : ConfigScalar
{
    /// <summary>Creates a string value.</summary>
    public ConfigString(string value, ConfigOrigin origin)
        : base(origin) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The string.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string Text => Value;

    /// <inheritdoc />
    public override ConfigValueKind Kind => ConfigValueKind.String;

    /// <inheritdoc />
    public override bool Equals(ConfigValue? other) => other is ConfigString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string Describe() => Rendering.JsonRenderer.Quote(Value);

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigString(Value, origin);
}
