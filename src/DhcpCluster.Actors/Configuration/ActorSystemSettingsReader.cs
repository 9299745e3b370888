using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors;

/// <summary>Reads <see cref="ActorSystemSettings"/> from HOCON, over the embedded reference.conf.</summary>
public static class ActorSystemSettingsReader
{
    private const string ReferenceResource = "DhcpCluster.Actors.reference.conf";
    private const string ActorPath = "dhcp-cluster.actor";
    private const string DefaultDispatcherPath = ActorPath + "." + Props.DefaultDispatcherId;

    /// <summary>The runtime's defaults (its embedded reference.conf).</summary>
    public static Config Reference { get; } = ConfigFactory.FromResource(typeof(ActorSystemSettingsReader).Assembly, ReferenceResource);

    /// <summary>Reads the settings; missing keys take the reference defaults.</summary>
    /// <exception cref="ConfigException">When a value has the wrong type or is out of range.</exception>
    public static ActorSystemSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(Reference);
        var askTimeout = c.GetDuration(ActorConfigKeys.AskTimeout);
        var defaultDispatcher = ReadDispatcher(c.GetConfig(DefaultDispatcherPath), Props.DefaultDispatcherId, fallback: null);
        var settings = new ActorSystemSettings
        {
            Throughput = defaultDispatcher.Throughput,
            DefaultDispatcherExecutor = defaultDispatcher.Executor,
            DefaultDispatcherParallelism = defaultDispatcher.Parallelism,
            Dispatchers = ReadDispatchers(c, defaultDispatcher),
            AskTimeout = askTimeout == Timeout.InfiniteTimeSpan ? null : askTimeout,
            BoundedMailboxCapacity = Positive(c, ActorConfigKeys.BoundedMailboxCapacity),
            DebugUnhandled = c.GetBoolean(ActorConfigKeys.DebugUnhandled),
            LogDeadLetters = c.GetInt(ActorConfigKeys.LogDeadLetters),
            LogDeadLettersDuringShutdown = c.GetBoolean(ActorConfigKeys.LogDeadLettersDuringShutdown),
            CoordinatedShutdown = new CoordinatedShutdownSettings
            {
                DefaultPhaseTimeout = c.GetDuration(ActorConfigKeys.ShutdownDefaultPhaseTimeout),
                TerminateActorSystem = c.GetBoolean(ActorConfigKeys.ShutdownTerminateActorSystem),
                RunByActorSystemTerminate = c.GetBoolean(ActorConfigKeys.ShutdownRunByActorSystemTerminate),
                RunByClrShutdownHook = c.GetBoolean(ActorConfigKeys.ShutdownRunByClrShutdownHook),
                Phases = ReadPhases(c),
            },
        };
        foreach (var (name, phase) in settings.CoordinatedShutdown.Phases)
        {
            if (phase.Timeout is { } t && t <= TimeSpan.Zero)
            {
                throw c.ErrorAt(ActorConfigKeys.ShutdownPhases, $"phase {name}: timeout must be positive, got {t}");
            }
        }

        settings.Validate();
        return settings;
    }

    /// <summary>
    /// Every other section of <c>dhcp-cluster.actor</c> whose <c>type</c> is <c>Dispatcher</c>, read with the keys of
    /// the default dispatcher (relative to the section); a key it leaves out takes the default dispatcher's value.
    /// </summary>
    private static Dictionary<string, DispatcherSettings> ReadDispatchers(Config c, DispatcherSettings defaults)
    {
        var result = new Dictionary<string, DispatcherSettings>(StringComparer.Ordinal);
        var actor = c.GetConfig(ActorPath);
        foreach (var id in actor.Keys)
        {
            if (string.Equals(id, Props.DefaultDispatcherId, StringComparison.Ordinal)
                || actor.GetValue(id) is not Hocon.Values.ConfigObject
                || !actor.GetConfig(id).HasPath(Relative(ActorConfigKeys.DispatcherType)))
            {
                continue;
            }

            result[id] = ReadDispatcher(actor.GetConfig(id), id, defaults);
        }

        return result;
    }

    private static DispatcherSettings ReadDispatcher(Config section, string id, DispatcherSettings? fallback)
    {
        var type = section.GetString(Relative(ActorConfigKeys.DispatcherType));
        if (!string.Equals(type, "Dispatcher", StringComparison.Ordinal))
        {
            throw section.ErrorAt(Relative(ActorConfigKeys.DispatcherType), $"the only dispatcher type is Dispatcher, got '{type}'");
        }

        int Int(ConfigKey key, int otherwise)
        {
            var name = Relative(key);
            if (!section.HasPath(name))
            {
                return otherwise;
            }

            var value = section.GetInt(name);
            return value >= 1 ? value : throw section.ErrorAt(name, $"must be at least 1, got {value}");
        }

        var executorName = Relative(ActorConfigKeys.DispatcherExecutor);
        var executor = !section.HasPath(executorName) && fallback is not null
            ? fallback.Executor
            : section.GetString(executorName) switch
            {
                "default-executor" => DispatcherExecutorKind.DefaultExecutor,
                "thread-pool-executor" => DispatcherExecutorKind.ThreadPoolExecutor,
                "fork-join-executor" => DispatcherExecutorKind.ForkJoinExecutor,
                var other => throw section.ErrorAt(executorName, $"expected default-executor, thread-pool-executor or fork-join-executor, got '{other}'"),
            };
        var defaults = fallback?.Parallelism ?? ForkJoinParallelism.Default;
        var factorName = Relative(ActorConfigKeys.ForkJoinParallelismFactor);
        var factor = section.HasPath(factorName) ? section.GetDouble(factorName) : defaults.Factor;
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw section.ErrorAt(factorName, $"must be positive, got {factor}");
        }

        var parallelism = new ForkJoinParallelism(
            Int(ActorConfigKeys.ForkJoinParallelismMin, defaults.Min), factor, Int(ActorConfigKeys.ForkJoinParallelismMax, defaults.Max));
        if (parallelism.Max < parallelism.Min)
        {
            throw section.ErrorAt(Relative(ActorConfigKeys.ForkJoinParallelismMax), $"must be at least parallelism-min ({parallelism.Min}), got {parallelism.Max}");
        }

        return new DispatcherSettings(id, Int(ActorConfigKeys.Throughput, fallback?.Throughput ?? 30), executor, parallelism);
    }

    /// <summary>A dispatcher key's path inside its dispatcher's section (<c>fork-join-executor.parallelism-min</c>).</summary>
    private static string Relative(ConfigKey key) => key.Path[(DefaultDispatcherPath.Length + 1)..];

    private static int Positive(Config c, ConfigKey key)
    {
        var value = c.GetInt(key);
        return value >= 1 ? value : throw c.ErrorAt(key, $"must be at least 1, got {value}");
    }

    private static Dictionary<string, PhaseSettings> ReadPhases(Config c)
    {
        var result = new Dictionary<string, PhaseSettings>(StringComparer.Ordinal);
        var phases = c.GetConfig(ActorConfigKeys.ShutdownPhases);
        foreach (var name in phases.Keys)
        {
            var phase = phases.GetConfig(name);
            TimeSpan? timeout = phase.HasPath("timeout") ? phase.GetDuration("timeout") : null;
            var recover = !phase.HasPath("recover") || phase.GetBoolean("recover");
            var enabled = !phase.HasPath("enabled") || phase.GetBoolean("enabled");
            IReadOnlyList<string>? dependsOn = phase.HasPath("depends-on") ? phase.GetStringList("depends-on") : null;
            result[name] = new PhaseSettings(timeout, recover, enabled, dependsOn);
        }

        return result;
    }
}
