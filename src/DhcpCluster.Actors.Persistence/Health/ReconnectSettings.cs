namespace DhcpCluster.Actors.Persistence.Health;

/// <summary>Kea's database reconnect knobs.</summary>
/// <param name="MaxReconnectTries">Reconnect attempts after a loss (<c>max-reconnect-tries</c>, 0: none).</param>
/// <param name="ReconnectWaitTime">Wait before each attempt (<c>reconnect-wait-time</c>).</param>
/// <param name="OnFail">Behaviour while and after reconnecting (<c>on-fail</c>).</param>
/// <param name="RetryOnStartup">When the database is unreachable at start, start anyway and reconnect in the background (<c>retry-on-startup</c>) instead of failing the start.</param>
public sealed record ReconnectSettings(int MaxReconnectTries, TimeSpan ReconnectWaitTime, OnFailAction OnFail, bool RetryOnStartup)
{
    /// <summary>Kea's defaults: no retries, no wait, stop-retry-exit, no retry on startup.</summary>
    public static ReconnectSettings KeaDefaults { get; } = new(0, TimeSpan.Zero, OnFailAction.StopRetryExit, RetryOnStartup: false);

    /// <summary>Parses Kea's spelling of <c>on-fail</c>.</summary>
    /// <exception cref="ArgumentException">Not one of stop-retry-exit, serve-retry-exit, serve-retry-continue.</exception>
    public static OnFailAction ParseOnFail(string value) => value switch
    {
        "stop-retry-exit" => OnFailAction.StopRetryExit,
        "serve-retry-exit" => OnFailAction.ServeRetryExit,
        "serve-retry-continue" => OnFailAction.ServeRetryContinue,
        _ => throw new ArgumentException($"on-fail must be stop-retry-exit, serve-retry-exit or serve-retry-continue; got '{value}'.", nameof(value)),
    };
}
