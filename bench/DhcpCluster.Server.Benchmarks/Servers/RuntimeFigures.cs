namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>dhcp-node's garbage collections over its life (start, warm-up and the measured step), from its DHCP4_RUNTIME_STATISTICS line.</summary>
/// <param name="Collections">Collections of any generation.</param>
/// <param name="PauseMs">Milliseconds every thread was paused for them.</param>
/// <param name="Seconds">The server's life: spawn to stop.</param>
internal sealed record RuntimeFigures(long Collections, double PauseMs, double Seconds)
{
    /// <summary>Milliseconds paused per second of life: the share of time no thread ran (x 1000).</summary>
    public double PauseMsPerSecond => Seconds > 0 ? PauseMs / Seconds : double.NaN;
}
