namespace DhcpCluster.Actors;

/// <summary>Sent to an actor that set a receive timeout and got no message for that long.</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    private ReceiveTimeout() { }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "ReceiveTimeout";
}
