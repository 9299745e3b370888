namespace DhcpCluster.Actors;

/// <summary>Makes the actor fail with <see cref="ActorKilledException"/> (stopped by the default strategy).</summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill() { }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "Kill";
}
