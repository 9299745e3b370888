namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys the actor runtime reads (defaults in DhcpCluster.Actors' reference.conf).</summary>
[ConfigKeyCatalog("dhcp-cluster.actor (DhcpCluster.Actors)")]
public static class ActorConfigKeys
{
    /// <summary>Messages an actor handles per turn before its thread moves on.</summary>
    public static readonly ConfigKey Throughput = new(
        "dhcp-cluster.actor.default-dispatcher.throughput",
        ConfigValueType.Int,
        "Messages an actor handles per turn on a thread-pool thread before yielding to other actors.",
        "akka.actor.default-dispatcher.throughput");

    /// <summary>Marks a section under <c>dhcp-cluster.actor</c> as a dispatcher.</summary>
    public static readonly ConfigKey DispatcherType = new(
        "dhcp-cluster.actor.default-dispatcher.type",
        ConfigValueType.String,
        "Dispatcher: the section configures a dispatcher (any section dhcp-cluster.actor.<id> with type = Dispatcher is one, with these keys; Props.WithDispatcher(\"<id>\") runs an actor on it).",
        "akka.actor.default-dispatcher.type");

    /// <summary>Where a dispatcher runs its actors.</summary>
    public static readonly ConfigKey DispatcherExecutor = new(
        "dhcp-cluster.actor.default-dispatcher.executor",
        ConfigValueType.String,
        "default-executor or thread-pool-executor: the .NET thread pool; fork-join-executor: threads of the dispatcher's own, sized by fork-join-executor.parallelism-*, where a message between two of its actors wakes no other thread.",
        "akka.actor.default-dispatcher.executor");

    /// <summary>Fewest threads of a fork-join executor.</summary>
    public static readonly ConfigKey ForkJoinParallelismMin = new(
        "dhcp-cluster.actor.default-dispatcher.fork-join-executor.parallelism-min",
        ConfigValueType.Int,
        "Fewest threads of a fork-join executor.",
        "akka.actor.default-dispatcher.fork-join-executor.parallelism-min");

    /// <summary>Threads per processor of a fork-join executor.</summary>
    public static readonly ConfigKey ForkJoinParallelismFactor = new(
        "dhcp-cluster.actor.default-dispatcher.fork-join-executor.parallelism-factor",
        ConfigValueType.Double,
        "Threads of a fork-join executor per processor (processors x factor, rounded up, within min and max).",
        "akka.actor.default-dispatcher.fork-join-executor.parallelism-factor");

    /// <summary>Most threads of a fork-join executor.</summary>
    public static readonly ConfigKey ForkJoinParallelismMax = new(
        "dhcp-cluster.actor.default-dispatcher.fork-join-executor.parallelism-max",
        ConfigValueType.Int,
        "Most threads of a fork-join executor.",
        "akka.actor.default-dispatcher.fork-join-executor.parallelism-max");

    /// <summary>Default Ask timeout.</summary>
    public static readonly ConfigKey AskTimeout = new(
        "dhcp-cluster.actor.ask-timeout",
        ConfigValueType.Duration,
        "Timeout of Ask when the caller gives none; infinite waits for ever.",
        "akka.actor.ask-timeout");

    /// <summary>Capacity of the bounded mailbox.</summary>
    public static readonly ConfigKey BoundedMailboxCapacity = new(
        "dhcp-cluster.actor.bounded-mailbox.mailbox-capacity",
        ConfigValueType.Int,
        "Messages the \"bounded-mailbox\" holds; further messages go to dead letters at once (no blocking push timeout).",
        "akka.actor.default-mailbox.mailbox-capacity");

    /// <summary>Debug logging of unhandled messages.</summary>
    public static readonly ConfigKey DebugUnhandled = new(
        "dhcp-cluster.actor.debug.unhandled",
        ConfigValueType.Boolean,
        "Log unhandled messages at debug level (they are always published on the event stream).",
        "akka.actor.debug.unhandled");

    /// <summary>How many dead letters are logged.</summary>
    public static readonly ConfigKey LogDeadLetters = new(
        "dhcp-cluster.log-dead-letters",
        ConfigValueType.Int,
        "Number of dead letters logged (at info level, with the running count); 0 logs none. All are counted and published.",
        "akka.log-dead-letters");

    /// <summary>Dead-letter logging during shutdown.</summary>
    public static readonly ConfigKey LogDeadLettersDuringShutdown = new(
        "dhcp-cluster.log-dead-letters-during-shutdown",
        ConfigValueType.Boolean,
        "Log dead letters while the system terminates.",
        "akka.log-dead-letters-during-shutdown");

    /// <summary>Default phase timeout.</summary>
    public static readonly ConfigKey ShutdownDefaultPhaseTimeout = new(
        "dhcp-cluster.coordinated-shutdown.default-phase-timeout",
        ConfigValueType.Duration,
        "Timeout of a coordinated-shutdown phase that sets none (cluster-sharding-shutdown-region, cluster-exiting and actor-system-terminate default to 10s).",
        "akka.coordinated-shutdown.default-phase-timeout");

    /// <summary>Terminate the system in the last phase.</summary>
    public static readonly ConfigKey ShutdownTerminateActorSystem = new(
        "dhcp-cluster.coordinated-shutdown.terminate-actor-system",
        ConfigValueType.Boolean,
        "Terminate the actor system in the actor-system-terminate phase.",
        "akka.coordinated-shutdown.terminate-actor-system");

    /// <summary>Terminate runs the coordinated shutdown.</summary>
    public static readonly ConfigKey ShutdownRunByActorSystemTerminate = new(
        "dhcp-cluster.coordinated-shutdown.run-by-actor-system-terminate",
        ConfigValueType.Boolean,
        "ActorSystem.Terminate() runs the coordinated shutdown (all phases) first.",
        "akka.coordinated-shutdown.run-by-actor-system-terminate");

    /// <summary>SIGTERM / Ctrl-C run the coordinated shutdown.</summary>
    public static readonly ConfigKey ShutdownRunByClrShutdownHook = new(
        "dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook",
        ConfigValueType.Boolean,
        "SIGTERM and SIGINT (Ctrl-C) run the coordinated shutdown instead of killing the process.",
        "akka.coordinated-shutdown.run-by-clr-shutdown-hook");

    /// <summary>Per-phase overrides.</summary>
    public static readonly ConfigKey ShutdownPhases = new(
        "dhcp-cluster.coordinated-shutdown.phases",
        ConfigValueType.Object,
        "Per-phase overrides by phase name: timeout (duration), recover (boolean: continue after a failed or timed-out task), enabled (boolean), depends-on (list of phases); Akka's phases and order are built in.",
        "akka.coordinated-shutdown.phases");
}
