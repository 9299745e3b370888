namespace DhcpCluster.Hocon.Values;

/// <summary>A string, number, boolean or null: a value that can be read as text.</summary>
public abstract class ConfigScalar : ConfigValue
{
    private protected ConfigScalar(ConfigOrigin origin)
        : base(origin)
    {
    }

    /// <inheritdoc />
    public override bool IsResolved => true;

    /// <summary>The value as text (what it contributes to a string concatenation).</summary>
    public abstract string Text { get; }
}
