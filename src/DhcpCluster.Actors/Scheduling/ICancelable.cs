using System.Collections.Concurrent;

namespace DhcpCluster.Actors;

/// <summary>Something that can be cancelled (scheduled messages, timers).</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels; a message not yet sent is never sent.</summary>
    void Cancel();
}
