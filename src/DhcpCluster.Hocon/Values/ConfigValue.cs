namespace DhcpCluster.Hocon.Values;

/// <summary>A node of the configuration tree. Values are immutable; equality is structural (origins are ignored).</summary>
public abstract class ConfigValue : IEquatable<ConfigValue>
{
    private protected ConfigValue(ConfigOrigin origin) => Origin = origin;

    /// <summary>Where the value was written.</summary>
    public ConfigOrigin Origin { get; }

    /// <summary>What kind of value this is.</summary>
    public abstract ConfigValueKind Kind { get; }

    /// <summary>False while the value (or anything inside it) holds substitutions.</summary>
    public abstract bool IsResolved { get; }

    /// <summary>Structural equality, ignoring origins; numbers compare by value.</summary>
    public abstract bool Equals(ConfigValue? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConfigValue other && Equals(other);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>A short description for error messages: a quoted string, a number, <c>an object</c>, <c>a list</c>...</summary>
    public abstract string Describe();

    /// <summary>Renders this value as HOCON text.</summary>
    public string ToHocon() => Rendering.HoconRenderer.Render(this);

    /// <summary>Renders this value as JSON text.</summary>
    public string ToJson() => Rendering.JsonRenderer.Render(this);

    /// <inheritdoc />
    public override string ToString() => IsResolved ? ToHocon() : Describe();

    internal abstract ConfigValue WithOrigin(ConfigOrigin origin);
}
