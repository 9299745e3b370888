using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>
/// Stops a system in ordered phases (Akka's <c>CoordinatedShutdown</c>, same phase names and order).
/// Modules add tasks to phases; the tasks of a phase run concurrently, a phase waits for all of them
/// up to its timeout, then the next phase starts. Runs on <see cref="ActorSystem.Terminate"/>, on
/// SIGTERM and on Ctrl-C (SIGINT), at most once.
/// </summary>
public sealed class CoordinatedShutdown : IExtension
{
    /// <summary>Phase names, in Akka's order.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";

    /// <summary>Stop accepting new requests.</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Wait for in-flight requests.</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";

    /// <summary>Final service shutdown.</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Before cluster shutdown.</summary>
    public const string PhaseBeforeClusterShutdown = "before-cluster-shutdown";

    /// <summary>Hand off sharding regions.</summary>
    public const string PhaseClusterShardingShutdownRegion = "cluster-sharding-shutdown-region";

    /// <summary>Leave the cluster.</summary>
    public const string PhaseClusterLeave = "cluster-leave";

    /// <summary>Wait for the exiting state.</summary>
    public const string PhaseClusterExiting = "cluster-exiting";

    /// <summary>Exiting done.</summary>
    public const string PhaseClusterExitingDone = "cluster-exiting-done";

    /// <summary>Shut the cluster extension down.</summary>
    public const string PhaseClusterShutdown = "cluster-shutdown";

    /// <summary>Before the actor system terminates.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>The actor system terminates.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private static readonly (string Name, string[] DependsOn, TimeSpan? Timeout)[] AkkaPhases =
    [
        (PhaseBeforeServiceUnbind, [], null),
        (PhaseServiceUnbind, [PhaseBeforeServiceUnbind], null),
        (PhaseServiceRequestsDone, [PhaseServiceUnbind], null),
        (PhaseServiceStop, [PhaseServiceRequestsDone], null),
        (PhaseBeforeClusterShutdown, [PhaseServiceStop], null),
        (PhaseClusterShardingShutdownRegion, [PhaseBeforeClusterShutdown], TimeSpan.FromSeconds(10)),
        (PhaseClusterLeave, [PhaseClusterShardingShutdownRegion], null),
        (PhaseClusterExiting, [PhaseClusterLeave], TimeSpan.FromSeconds(10)),
        (PhaseClusterExitingDone, [PhaseClusterExiting], null),
        (PhaseClusterShutdown, [PhaseClusterExitingDone], null),
        (PhaseBeforeActorSystemTerminate, [PhaseClusterShutdown], null),
        (PhaseActorSystemTerminate, [PhaseBeforeActorSystemTerminate], TimeSpan.FromSeconds(10)),
    ];

    private readonly ActorSystemImpl _system;
    private readonly CoordinatedShutdownSettings _settings;
    private readonly Dictionary<string, PhaseSettings> _phases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, Func<Task<Done>> Task)>> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private Task<Done>? _run;
    private Reason? _reason;

    private CoordinatedShutdown(ActorSystemImpl system)
    {
        _system = system;
        _settings = system.Settings.CoordinatedShutdown;
        foreach (var (name, dependsOn, timeout) in AkkaPhases)
        {
            _phases[name] = new PhaseSettings(timeout, Recover: true, Enabled: true, DependsOn: dependsOn);
        }

        foreach (var (name, phase) in _settings.Phases)
        {
            var existing = _phases.GetValueOrDefault(name);
            _phases[name] = phase with { DependsOn = phase.DependsOn ?? existing?.DependsOn ?? [] };
        }

        OrderedPhases = TopologicalOrder(_phases);
        if (_settings.RunByClrShutdownHook)
        {
            RegisterSignal(PosixSignal.SIGTERM);
            RegisterSignal(PosixSignal.SIGINT);
        }
    }

    /// <summary>The extension of a system.</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.RegisterExtension(ExtensionId.Instance);
    }

    /// <summary>Phase names in the order they run.</summary>
    public IReadOnlyList<string> OrderedPhases { get; }

    /// <summary>Why the shutdown runs (null before it does).</summary>
    public Reason? ShutdownReason => Volatile.Read(ref _reason);

    /// <summary>Adds a task to a phase (before the shutdown starts).</summary>
    /// <exception cref="ArgumentException">When the phase is unknown.</exception>
    /// <exception cref="InvalidOperationException">When the shutdown already started.</exception>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        if (!TryAddTask(phase, taskName, task))
        {
            throw new InvalidOperationException($"Cannot add task '{taskName}' to phase '{phase}': the coordinated shutdown already started.");
        }
    }

    /// <summary>
    /// Adds a task to a phase unless the shutdown already started (false then: a component that starts while the
    /// process is being stopped, by SIGTERM for example, must undo its own start instead).
    /// </summary>
    /// <exception cref="ArgumentException">When the phase is unknown.</exception>
    public bool TryAddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(taskName);
        ArgumentNullException.ThrowIfNull(task);
        if (!_phases.ContainsKey(phase))
        {
            throw new ArgumentException($"Unknown coordinated-shutdown phase '{phase}'; known: {string.Join(", ", OrderedPhases)}.", nameof(phase));
        }

        lock (_gate)
        {
            if (_run is not null)
            {
                return false;
            }

            if (!_tasks.TryGetValue(phase, out var list))
            {
                list = [];
                _tasks[phase] = list;
            }

            list.Add((taskName, task));
            return true;
        }
    }

    /// <summary>The timeout of a phase.</summary>
    public TimeSpan Timeout(string phase) =>
        _phases.TryGetValue(phase, out var p) ? p.Timeout ?? _settings.DefaultPhaseTimeout : throw new ArgumentException($"Unknown phase '{phase}'.", nameof(phase));

    /// <summary>Runs all phases once; later calls return the same task.</summary>
    public Task<Done> Run(Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_run is null)
            {
                _reason = reason;
                _run = Task.Run(() => RunPhases(reason));
            }

            return _run;
        }
    }

    private async Task<Done> RunPhases(Reason reason)
    {
        _system.Log.LogInformation("Running coordinated shutdown with reason [{Reason}]", reason);
        foreach (var phase in OrderedPhases)
        {
            var settings = _phases[phase];
            List<(string Name, Func<Task<Done>> Task)> tasks;
            lock (_gate)
            {
                tasks = _tasks.TryGetValue(phase, out var list) ? [.. list] : [];
            }

            if (string.Equals(phase, PhaseActorSystemTerminate, StringComparison.Ordinal) && _settings.TerminateActorSystem)
            {
                tasks.Add(("terminate-actor-system", async () =>
                {
                    await _system.FinalTerminate().ConfigureAwait(false);
                    return Done.Instance;
                }));
            }

            if (!settings.Enabled || tasks.Count == 0)
            {
                continue;
            }

            var timeout = settings.Timeout ?? _settings.DefaultPhaseTimeout;
            var running = tasks.Select(t => RunTask(phase, t.Name, t.Task)).ToArray();
            var all = Task.WhenAll(running);
            var finished = await Task.WhenAny(all, Task.Delay(timeout)).ConfigureAwait(false);
            if (!ReferenceEquals(finished, all))
            {
                if (string.Equals(phase, PhaseActorSystemTerminate, StringComparison.Ordinal))
                {
                    _system.Log.LogWarning("Coordinated shutdown phase [{Phase}] timed out after {Timeout}; actors still alive:{NewLine}{Actors}", phase, timeout, Environment.NewLine, _system.DescribeLiveActors());
                }
                else
                {
                    _system.Log.LogWarning("Coordinated shutdown phase [{Phase}] timed out after {Timeout}", phase, timeout);
                }

                if (!settings.Recover)
                {
                    break;
                }
            }
            else if (all.IsFaulted && !settings.Recover)
            {
                break;
            }
        }

        return Done.Instance;
    }

    private async Task RunTask(string phase, string name, Func<Task<Done>> task)
    {
        try
        {
            await task().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _system.Log.LogWarning(e, "Task [{Task}] of coordinated shutdown phase [{Phase}] failed: {Message}", name, phase, e.Message);
            throw;
        }
    }

    private static List<string> TopologicalOrder(Dictionary<string, PhaseSettings> phases)
    {
        var result = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, _, _) in AkkaPhases)
        {
            Visit(name);
        }

        foreach (var name in phases.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name);
        }

        return result;

        void Visit(string name)
        {
            switch (state.GetValueOrDefault(name))
            {
                case 2:
                    return;
                case 1:
                    throw new ActorsException($"Cycle in coordinated-shutdown phases at '{name}'.");
            }

            if (!phases.TryGetValue(name, out var phase))
            {
                throw new ActorsException($"Coordinated-shutdown phase depends on unknown phase '{name}'.");
            }

            state[name] = 1;
            foreach (var dependency in phase.DependsOn ?? [])
            {
                Visit(dependency);
            }

            state[name] = 2;
            result.Add(name);
        }
    }

    private void RegisterSignal(PosixSignal signal)
    {
        try
        {
            _signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                _ = Run(ClrExitReason.Instance);
            }));
        }
        catch (PlatformNotSupportedException)
        {
            // No signals on this platform: only Terminate() runs the shutdown.
        }
    }

    internal void DisposeSignalHandlers()
    {
        lock (_gate)
        {
            foreach (var registration in _signals)
            {
                registration.Dispose();
            }

            _signals.Clear();
        }
    }

    /// <summary>Why a coordinated shutdown runs.</summary>
    public abstract class Reason
    {
        /// <inheritdoc/>
        public override string ToString() => GetType().Name;
    }

    /// <summary>Run without a known reason.</summary>
    public sealed class UnknownReason : Reason
    {
        private UnknownReason() { }

        /// <summary>The single instance.</summary>
        public static UnknownReason Instance { get; } = new();
    }

    /// <summary>Run by <see cref="ActorSystem.Terminate"/>.</summary>
    public sealed class ActorSystemTerminateReason : Reason
    {
        private ActorSystemTerminateReason() { }

        /// <summary>The single instance.</summary>
        public static ActorSystemTerminateReason Instance { get; } = new();
    }

    /// <summary>Run by SIGTERM or Ctrl-C.</summary>
    public sealed class ClrExitReason : Reason
    {
        private ClrExitReason() { }

        /// <summary>The single instance.</summary>
        public static ClrExitReason Instance { get; } = new();
    }

    /// <summary>Run because the node left the cluster.</summary>
    public sealed class ClusterLeavingReason : Reason
    {
        private ClusterLeavingReason() { }

        /// <summary>The single instance.</summary>
        public static ClusterLeavingReason Instance { get; } = new();
    }

    private sealed class ExtensionId : ExtensionIdProvider<CoordinatedShutdown>
    {
        public static ExtensionId Instance { get; } = new();

        public override CoordinatedShutdown CreateExtension(ExtendedActorSystem system) => new((ActorSystemImpl)system);
    }
}
