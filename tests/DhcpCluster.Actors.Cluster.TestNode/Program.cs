using System.Globalization;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Cluster;
using DhcpCluster.Actors.Cluster.Commands;
using DhcpCluster.Actors.Cluster.TestNode;
using DhcpCluster.Control.Endpoint;
using DhcpCluster.Control.Registry;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;
using Microsoft.Extensions.Logging;

// Usage: DhcpCluster.Actors.Cluster.TestNode --config FILE [--name SYSTEM] [--exit-after SECONDS]
//        [--postgres CONNECTION-STRING [--drive COUNT] [--entities N] [--leave-file PATH]]
// Joins the cluster the HOCON file describes, prints NODE_STARTED, every membership event and a VIEW line
// after each, serves the cluster palette (pbm cluster ...) on the command endpoint when dhcp-cluster.cmd.port is
// set, and exits when the node is downed, removed or quarantined (exit code 0) or after --exit-after; exit code 3 when its
// actor system does not terminate within 40 s of the coordinated shutdown's start (SHUTDOWN_STUCK).
// With --postgres: the journal is that PostgreSQL database, the node runs the recorder singleton (start, heartbeat
// and stop of each instance in table singleton_intervals) and the sharded event-sourced counter "counter";
// --drive sends COUNT acknowledged increments through this node's region (DRIVE_DONE when all are acked);
// --leave-file makes the node hand off its shards and leave gracefully once that file exists.
string? configPath = null;
string? postgres = null;
string? leaveFile = null;
var drive = 0;
var entities = 300;
var name = "lab";
var exitAfter = TimeSpan.FromSeconds(300);
for (var i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--config":
            configPath = args[i + 1];
            break;
        case "--name":
            name = args[i + 1];
            break;
        case "--exit-after":
            exitAfter = TimeSpan.FromSeconds(double.Parse(args[i + 1], CultureInfo.InvariantCulture));
            break;
        case "--postgres":
            postgres = args[i + 1];
            break;
        case "--drive":
            drive = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--entities":
            entities = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--leave-file":
            leaveFile = args[i + 1];
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

if (configPath is null)
{
    Console.Error.WriteLine("usage: --config FILE [--name SYSTEM] [--exit-after SECONDS]");
    return 2;
}

using var loggers = LoggerFactory.Create(b => b
    .SetMinimumLevel(LogLevel.Information)
    .AddFilter("DhcpCluster.Actors.ActorSystem", LogLevel.Warning)
    .AddSimpleConsole(o =>
    {
        o.SingleLine = true;
        o.TimestampFormat = "HH:mm:ss.fff ";
        o.UseUtcTimestamp = true;
    }));
ActorSystem system;
Config config;
try
{
    config = ConfigFactory.ParseFile(configPath);
    system = ClusterSystem.Create(name, config, new ActorSystemSetup { LoggerFactory = loggers });
}
catch (ConfigException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

var cluster = Cluster.Get(system);
Output.Line($"NODE_STARTED address={MembershipPrinter.HostPort(cluster.SelfAddress)} uid={cluster.SelfUniqueAddress.Uid}");
var printer = system.ActorOf(Props.Create(() => new MembershipPrinter(cluster)), "printer");
cluster.Subscribe(printer, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IClusterDomainEvent));
system.EventStream.Subscribe(printer, typeof(SplitBrainResolverMessages.DecisionTaken));
ControlEndpoint? endpoint = null;
if (config.HasPath(ControlConfigKeys.Port))
{
    var registry = new CommandRegistry(loggers.CreateLogger<CommandRegistry>());
    ClusterCommands.Register(registry, cluster);
    ClusterShardingCommands.Register(registry, DhcpCluster.Actors.Cluster.Sharding.ClusterSharding.Get(system));
    endpoint = await NodeCommandEndpoint.StartAsync(config, registry, system, loggers).ConfigureAwait(false);
    Output.Line($"COMMAND_ENDPOINT {endpoint.LocalEndPoint}");
}

var workload = postgres is null ? null : await ShardedWorkload.StartAsync(system, postgres).ConfigureAwait(false);
if (workload is not null && drive > 0)
{
    _ = Task.Run(() => CounterDriver.RunAsync(workload.Counters, drive, entities, window: 200));
}

if (workload is not null && leaveFile is not null)
{
    _ = Task.Run(async () =>
    {
        while (!File.Exists(leaveFile))
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        Output.Line("LEAVING gracefully: handing off shards");
        var handedOff = await DhcpCluster.Actors.Cluster.Sharding.ClusterSharding.Get(system).GracefulShutdownAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        Output.Line($"SHARDS_HANDED_OFF complete={handedOff}");
        cluster.Leave(cluster.SelfAddress);
    });
}

// Safety net: once the coordinated shutdown runs (downed, removed, --exit-after), the system must terminate within its
// phase timeouts; if it does not, the process says so (the shutdown already logged the actors still alive) and exits 3
// instead of hanging.
_ = Task.Run(async () =>
{
    var shutdown = CoordinatedShutdown.Get(system);
    while (shutdown.ShutdownReason is null)
    {
        await Task.Delay(100).ConfigureAwait(false);
    }

    var bound = TimeSpan.FromSeconds(40);
    if (await Task.WhenAny(system.WhenTerminated, Task.Delay(bound)).ConfigureAwait(false) != system.WhenTerminated)
    {
        Output.Line($"SHUTDOWN_STUCK reason={shutdown.ShutdownReason}: the actor system did not terminate within {bound.TotalSeconds} s");
        Environment.Exit(3);
    }
});

var finished = await Task.WhenAny(system.WhenTerminated, Task.Delay(exitAfter)).ConfigureAwait(false);
if (finished != system.WhenTerminated)
{
    Output.Line("EXIT_AFTER reached");
    await system.Terminate().ConfigureAwait(false);
}

if (endpoint is not null)
{
    await endpoint.DisposeAsync().ConfigureAwait(false);
}

if (workload is not null)
{
    await workload.DisposeAsync().ConfigureAwait(false);
}

Output.Line("NODE_STOPPED");
return 0;
