using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors;

/// <summary>Reads <see cref="ActorSystemSettings"/> from HOCON, over the embedded reference.conf.</summary>
public static class ActorSystemSettingsReader
{
    private const string ReferenceResource = "DhcpCluster.Actors.reference.conf";

    /// <summary>The runtime's defaults (its embedded reference.conf).</summary>
    public static Config Reference { get; } = ConfigFactory.FromResource(typeof(ActorSystemSettingsReader).Assembly, ReferenceResource);

    /// <summary>Reads the settings; missing keys take the reference defaults.</summary>
    /// <exception cref="ConfigException">When a value has the wrong type or is out of range.</exception>
    public static ActorSystemSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(Reference);
        var askTimeout = c.GetDuration(ActorConfigKeys.AskTimeout);
        var settings = new ActorSystemSettings
        {
            Throughput = Positive(c, ActorConfigKeys.Throughput),
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
