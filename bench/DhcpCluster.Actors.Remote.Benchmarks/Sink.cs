using DhcpCluster.Actors;

namespace DhcpCluster.Actors.Remote.Benchmarks;

/// <summary>Counts received payloads and reports the count to the sender every <see cref="AckEvery"/> messages; echoes longs (ask round trips).</summary>
public sealed class Sink : ReceiveActor
{
    public const int AckEvery = 20_000;
    private long _count;

    public Sink()
    {
        Receive<byte[]>(_ =>
        {
            if (++_count % AckEvery == 0)
            {
                Sender.Tell(_count, Self);
            }
        });
        Receive<long>(l => Sender.Tell(l, Self));
        Receive<string>(s => string.Equals(s, "reset", StringComparison.Ordinal), _ => _count = 0);
    }
}
