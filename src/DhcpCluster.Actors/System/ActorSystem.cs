using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DhcpCluster.Actors;

/// <summary>A hierarchy of actors sharing settings, dispatchers, scheduler and event stream (Akka's <c>ActorSystem</c>).</summary>
public abstract class ActorSystem : IActorRefFactory, IDisposable, IAsyncDisposable
{
    /// <summary>Creates a system with default settings.</summary>
    public static ActorSystem Create(string name) => Create(name, ActorSystemSettingsReader.Read(DhcpCluster.Hocon.ConfigFactory.Empty), null);

    /// <summary>Creates a system from HOCON (over the runtime's reference.conf).</summary>
    /// <exception cref="DhcpCluster.Hocon.ConfigException">When a setting is invalid.</exception>
    public static ActorSystem Create(string name, DhcpCluster.Hocon.Config config) => Create(name, ActorSystemSettingsReader.Read(config), null);

    /// <summary>Creates a system from HOCON with a setup (logging, provider).</summary>
    public static ActorSystem Create(string name, DhcpCluster.Hocon.Config config, ActorSystemSetup? setup) => Create(name, ActorSystemSettingsReader.Read(config), setup);

    /// <summary>Creates a system with settings.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings settings) => Create(name, settings, null);

    /// <summary>Creates a system with settings and a setup (logging, provider).</summary>
    /// <exception cref="ArgumentException">When the name or a setting is invalid.</exception>
    public static ActorSystem Create(string name, ActorSystemSettings settings, ActorSystemSetup? setup)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(settings);
        ValidateName(name);
        settings.Validate();
        return new ActorSystemImpl(name, settings, setup ?? new ActorSystemSetup());
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0)
        {
            throw new ArgumentException("An actor system name must not be empty.", nameof(name));
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                throw new ArgumentException($"Invalid actor system name '{name}': use ASCII letters, digits, '-' and '_'.", nameof(name));
            }
        }
    }

    /// <summary>The system's name.</summary>
    public abstract string Name { get; }

    /// <summary>The settings.</summary>
    public abstract ActorSystemSettings Settings { get; }

    /// <summary>The publish/subscribe bus.</summary>
    public abstract EventStream EventStream { get; }

    /// <summary>The scheduler.</summary>
    public abstract IScheduler Scheduler { get; }

    /// <summary>The dead-letter office.</summary>
    public abstract IActorRef DeadLetters { get; }

    /// <summary>Dead letters counted since start.</summary>
    public abstract long DeadLetterCount { get; }

    /// <summary>The logger factory actors log through.</summary>
    public abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>The system's own logger.</summary>
    public abstract ILogger Log { get; }

    /// <summary>The dispatchers.</summary>
    public abstract Dispatchers Dispatchers { get; }

    /// <summary>Completes when the system has terminated.</summary>
    public abstract Task WhenTerminated { get; }

    /// <summary>Time since start.</summary>
    public abstract TimeSpan Uptime { get; }

    /// <summary>Creates a top-level actor (under <c>/user</c>).</summary>
    public abstract IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by path: absolute (<c>/user/a</c> or full with address) or relative to <c>/user</c>.</summary>
    public abstract ActorSelection ActorSelection(string path);

    /// <summary>Selects actors by full path.</summary>
    public abstract ActorSelection ActorSelection(ActorPath path);

    /// <summary>Stops an actor (asynchronously).</summary>
    public abstract void Stop(IActorRef actor);

    /// <summary>Terminates the system (through coordinated shutdown when configured so).</summary>
    public abstract Task Terminate();

    /// <summary>The extension for that id, created on first use.</summary>
    public abstract T RegisterExtension<T>(ExtensionIdProvider<T> id)
        where T : class, IExtension;

    /// <summary>Terminates the system and waits (bounded by the coordinated-shutdown timeouts).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system and waits.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Terminate().Wait(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Terminates the system and waits.</summary>
    public async ValueTask DisposeAsync()
    {
        await Terminate().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal static ILoggerFactory NullFactory => NullLoggerFactory.Instance;
}
