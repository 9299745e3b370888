namespace DhcpCluster.Actors.Persistence.Health;

/// <summary>What the application does while and after the database connection is lost (Kea's <c>on-fail</c>).</summary>
public enum OnFailAction
{
    /// <summary><c>stop-retry-exit</c>: stop serving while reconnecting; exit when the retries are exhausted (Kea's default).</summary>
    StopRetryExit,

    /// <summary><c>serve-retry-exit</c>: keep serving while reconnecting; exit when the retries are exhausted.</summary>
    ServeRetryExit,

    /// <summary><c>serve-retry-continue</c>: keep serving while reconnecting and after the retries are exhausted (writes keep failing until a later attempt reconnects).</summary>
    ServeRetryContinue,
}
