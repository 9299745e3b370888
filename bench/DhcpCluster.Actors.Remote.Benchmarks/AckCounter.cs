using DhcpCluster.Actors;

namespace DhcpCluster.Actors.Remote.Benchmarks;

/// <summary>Receives the sink's acknowledgements; the sending loop reads the latest count.</summary>
public sealed class AckCounter : ReceiveActor
{
    public AckCounter(StrongBox<long> acked) => Receive<long>(count => Volatile.Write(ref acked.Value, count));
}
