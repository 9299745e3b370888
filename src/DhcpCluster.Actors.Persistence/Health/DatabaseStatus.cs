namespace DhcpCluster.Actors.Persistence.Health;

/// <summary>Connection state of the store's database.</summary>
public enum DatabaseStatus
{
    /// <summary>Not started yet.</summary>
    Starting,

    /// <summary>Connected; writes are accepted.</summary>
    Connected,

    /// <summary>Connection lost; reconnect attempts are under way and writes fail meanwhile.</summary>
    Reconnecting,

    /// <summary>Retries exhausted under serve-retry-continue: serving goes on, writes fail until a later write reconnects.</summary>
    LostServing,

    /// <summary>Retries exhausted under a *-exit policy: the application should exit.</summary>
    Failed,

    /// <summary>The store was disposed.</summary>
    Stopped,
}
