using System.Text.Json.Nodes;

namespace DhcpCluster.Control.Status;

/// <summary>
/// What <c>status-get</c> reports about the node process: its id, how long it has run and how long since its
/// configuration was last (re)loaded, plus the high-availability section when an HA module is present.
/// </summary>
public sealed class NodeProcessStatus
{
    private readonly TimeProvider _time;
    private long _reloadedAtTicks;

    /// <summary>A status whose uptime and reload age start now.</summary>
    public NodeProcessStatus(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        StartedAt = _time.GetUtcNow();
        _reloadedAtTicks = StartedAt.UtcTicks;
    }

    /// <summary>When the node started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The process id.</summary>
    public int ProcessId { get; } = Environment.ProcessId;

    /// <summary>
    /// The high-availability section (Kea's <c>high-availability</c> list) when an HA module runs; null leaves the
    /// section out of <c>status-get</c>, as Kea does without the HA hook.
    /// </summary>
    public Func<CancellationToken, ValueTask<JsonArray?>>? HighAvailability { get; set; }

    /// <summary>Seconds since the node started.</summary>
    public long UptimeSeconds => (long)(_time.GetUtcNow() - StartedAt).TotalSeconds;

    /// <summary>Seconds since the configuration was last (re)loaded.</summary>
    public long SecondsSinceReload => (long)(_time.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _reloadedAtTicks), TimeSpan.Zero)).TotalSeconds;

    /// <summary>Records a configuration reload (resets <see cref="SecondsSinceReload"/>).</summary>
    public void MarkReloaded() => Interlocked.Exchange(ref _reloadedAtTicks, _time.GetUtcNow().UtcTicks);
}
