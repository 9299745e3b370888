namespace DhcpCluster.Actors.Persistence.Health;

/// <summary>What the application should do about the database right now.</summary>
/// <param name="Status">Connection state.</param>
/// <param name="ServeClients">Whether to keep serving clients (false under stop-retry-exit while reconnecting, and once failed).</param>
/// <param name="ShouldExit">Retries are exhausted and the policy says exit.</param>
/// <param name="ReconnectAttempt">Attempts made since the loss (0 when connected).</param>
/// <param name="MaxReconnectTries">The configured limit.</param>
/// <param name="LastError">The error that caused the loss, if any.</param>
public sealed record DatabaseHealth(
    DatabaseStatus Status,
    bool ServeClients,
    bool ShouldExit,
    int ReconnectAttempt,
    int MaxReconnectTries,
    string? LastError);
