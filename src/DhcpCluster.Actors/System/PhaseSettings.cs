namespace DhcpCluster.Actors;

/// <summary>Settings of one coordinated-shutdown phase.</summary>
/// <param name="Timeout">Phase timeout (null: the default).</param>
/// <param name="Recover">When true a failed or timed-out task does not abort the remaining phases.</param>
/// <param name="Enabled">When false the phase's tasks are skipped.</param>
/// <param name="DependsOn">Phases that must finish first (null: Akka's graph).</param>
public sealed record PhaseSettings(TimeSpan? Timeout = null, bool Recover = true, bool Enabled = true, IReadOnlyList<string>? DependsOn = null);
