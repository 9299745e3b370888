using System.Collections.Concurrent;
using DhcpCluster.Actors.Persistence.Health;

namespace DhcpCluster.Actors.Persistence.Tests.Health;

/// <summary>Records every health state published.</summary>
public sealed class HealthRecorder : IObserver<DatabaseHealth>
{
    public ConcurrentQueue<DatabaseHealth> Seen { get; } = new();

    public void OnCompleted()
    {
        // the monitor never completes
    }

    public void OnError(Exception error) => throw new InvalidOperationException("health monitor failed", error);

    public void OnNext(DatabaseHealth value) => Seen.Enqueue(value);
}
