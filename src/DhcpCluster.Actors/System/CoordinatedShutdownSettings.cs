namespace DhcpCluster.Actors;

/// <summary>Coordinated shutdown settings (Akka's <c>coordinated-shutdown</c> section).</summary>
public sealed record CoordinatedShutdownSettings
{
    /// <summary>Timeout of a phase that sets none.</summary>
    public TimeSpan DefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the last phase terminates the actor system.</summary>
    public bool TerminateActorSystem { get; init; } = true;

    /// <summary>Whether <c>ActorSystem.Terminate()</c> runs the coordinated shutdown.</summary>
    public bool RunByActorSystemTerminate { get; init; } = true;

    /// <summary>Whether SIGTERM / Ctrl-C run the coordinated shutdown (Akka's run-by-clr-shutdown-hook).</summary>
    public bool RunByClrShutdownHook { get; init; } = true;

    /// <summary>Per-phase overrides (timeout, recover, enabled).</summary>
    public IReadOnlyDictionary<string, PhaseSettings> Phases { get; init; } = new Dictionary<string, PhaseSettings>(StringComparer.Ordinal);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ActorsException">When one is out of range.</exception>
    public void Validate()
    {
        if (DefaultPhaseTimeout <= TimeSpan.Zero)
        {
            throw new ActorsException($"dhcp-cluster.coordinated-shutdown.default-phase-timeout must be positive, got {DefaultPhaseTimeout}.");
        }

        foreach (var (name, phase) in Phases)
        {
            if (phase.Timeout is { } t && t <= TimeSpan.Zero)
            {
                throw new ActorsException($"dhcp-cluster.coordinated-shutdown.phases.{name}.timeout must be positive, got {t}.");
            }
        }
    }
}
