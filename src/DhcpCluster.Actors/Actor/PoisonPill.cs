namespace DhcpCluster.Actors;

/// <summary>Stops the actor after the messages already in its mailbox (Akka's <c>PoisonPill</c>).</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill() { }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "PoisonPill";
}
