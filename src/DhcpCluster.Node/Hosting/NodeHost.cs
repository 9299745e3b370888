using System.Globalization;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Cluster;
using DhcpCluster.Actors.Cluster.Commands;
using DhcpCluster.Actors.Persistence;
using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Control.Endpoint;
using DhcpCluster.Control.Registry;
using DhcpCluster.Control.Server;
using DhcpCluster.Hocon;
using DhcpCluster.Logging;
using DhcpCluster.Logging.Configuration;
using DhcpCluster.Node.Configuration;
using DhcpCluster.Server.Configuration;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Server.Sockets;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Node.Hosting;

/// <summary>
/// Runs a node: the actor system from the node configuration over the modules' reference configurations, the lease
/// journal from <c>Dhcp4.lease-database</c>, and the DHCP actors; SIGTERM (or Ctrl-C) runs the coordinated shutdown
/// and the process exits 0. A fatal socket or database failure also shuts down, with exit code 1. Logging follows
/// <c>Dhcp4.loggers</c> (Kea's loggers); the command endpoint (pbm, Kea-style JSON commands) listens where
/// <c>dhcp-cluster.cmd</c> says and stops in the service-unbind phase; its <c>shutdown</c> command exits with the
/// asked <c>exit-value</c>.
/// </summary>
internal static class NodeHost
{
    public const int Clean = 0;
    public const int Failed = 1;

    public static async Task<int> RunAsync(FileInfo file, TextWriter errors)
    {
        var (config, server) = await LoadAsync(file, errors).ConfigureAwait(false);
        if (config is null || server is null)
        {
            return Failed;
        }

        var logging = await CreateLoggingAsync(file, server, errors).ConfigureAwait(false);
        if (logging is null)
        {
            return Failed;
        }

        using var loggingProvider = logging;
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logging).SetMinimumLevel(LogLevel.Trace));
        var log = loggerFactory.CreateLogger("DhcpCluster.Node");
        var (store, system) = await StartStoreAndSystemAsync(config, server.LeaseDatabase, loggerFactory, log).ConfigureAwait(false);
        if (store is null || system is null)
        {
            return Failed;
        }

        var databaseFailed = 0;
        var endpointFailed = false;
        using var health = store.Health.Subscribe(new HealthWatch(health =>
        {
            if (health.ShouldExit && Interlocked.Exchange(ref databaseFailed, 1) == 0)
            {
                log.LogCritical("DHCP4_DB_RECONNECT_FAILED lease database {Database}: {Error}; on-fail={OnFail}, the server stops", server.LeaseDatabase, health.LastError, server.LeaseDatabase.Reconnect.OnFail);
                _ = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance);
            }
        }));
        try
        {
            PersistenceExtension.Get(system).Use(store);
            var settings = ServerSettings.Read(config);
            var dhcp = DhcpServer.Start(system, new DhcpServerSetup(server.Dhcp, server.Interfaces, settings) { ImportFile = server.LeaseDatabase.ImportFile });
            var commands = NodeCommands.CreateRegistry(file, system, dhcp, server, store, settings, loggerFactory);
            ClusterCommands.RegisterWhenClustered(commands, system);
            ClusterShardingCommands.RegisterWhenClustered(commands, system);
            endpointFailed = !await StartEndpointAsync(config, commands, system, loggerFactory, log).ConfigureAwait(false);

            ReportStatisticsAtShutdown(system, log, dhcp, store);
            await system.WhenTerminated.ConfigureAwait(false);
        }
        finally
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }

        var reason = CoordinatedShutdown.Get(system).ShutdownReason;
        log.LogInformation("DHCP4_SHUTDOWN server stopped ({Reason})", reason);
        return reason is ShutdownCommandReason command ? command.ExitValue
            : reason is SocketsUnavailableReason || endpointFailed || Volatile.Read(ref databaseFailed) == 1 ? Failed : Clean;
    }

    /// <summary>The statistics report in the last shutdown phase; at once when the shutdown began while starting (SIGTERM).</summary>
    private static void ReportStatisticsAtShutdown(ActorSystem system, ILogger log, DhcpServer dhcp, PersistenceStore store)
    {
        var added = CoordinatedShutdown.Get(system).TryAddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "report-statistics", () =>
        {
            ReportStatistics(log, dhcp, store);
            return Task.FromResult(Done.Instance);
        });
        if (!added)
        {
            ReportStatistics(log, dhcp, store);
        }
    }

    /// <summary>The lease journal, then the actor system over it; (null, null) when either cannot start (logged).</summary>
    private static async Task<(PersistenceStore? Store, ActorSystem? System)> StartStoreAndSystemAsync(Config config, LeaseDatabaseConfiguration database, ILoggerFactory loggerFactory, ILogger log)
    {
        var store = await StartStoreAsync(config, database, log).ConfigureAwait(false);
        if (store is null)
        {
            return (null, null);
        }

        var system = await CreateSystemAsync(config, database, loggerFactory, store, log).ConfigureAwait(false);
        return system is null ? (null, null) : (store, system);
    }

    /// <summary>
    /// The actor system <c>dhcp-cluster.actor.provider</c> asks for; as a cluster member with a PostgreSQL journal, the
    /// default downing strategy is lease-majority on the journal's database. Null (logged) when it cannot start.
    /// </summary>
    private static async Task<ActorSystem?> CreateSystemAsync(Config config, LeaseDatabaseConfiguration database, ILoggerFactory loggerFactory, PersistenceStore store, ILogger log)
    {
        try
        {
            var journal = database.Provider == StorageProvider.PostgreSql ? database.ConnectionString : null;
            return ClusterSystem.CreateForProvider("dhcp-node", config, new ActorSystemSetup { LoggerFactory = loggerFactory }, journalConnectionString: journal);
        }
        catch (Exception ex) when (ex is ConfigException or System.Net.Sockets.SocketException)
        {
            log.LogCritical("DHCP4_CLUSTER_START_FAILED the actor system cannot start: {Message}", ex.Message);
            await store.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<KeaLoggerProvider?> CreateLoggingAsync(FileInfo file, ServerConfiguration server, TextWriter errors)
    {
        try
        {
            return new KeaLoggerProvider(NodeLogging.Specifications(server.Loggers));
        }
        catch (KeaLoggingConfigurationException ex)
        {
            await errors.WriteLineAsync($"{file.Name}: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Starts the command endpoint where <c>dhcp-cluster.cmd</c> says; when it cannot listen the node shuts down (false).</summary>
    private static async Task<bool> StartEndpointAsync(Config config, CommandRegistry commands, ActorSystem system, ILoggerFactory loggerFactory, ILogger log)
    {
        try
        {
            await NodeCommandEndpoint.StartAsync(config, commands, system, loggerFactory).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or ConfigException or InvalidOperationException)
        {
            log.LogCritical("COMMAND_ENDPOINT_FAILED the command endpoint cannot listen: {Message}; the server stops", ex.GetBaseException().Message);
            _ = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance);
            return false;
        }
    }

    private static async Task<(Config? Config, ServerConfiguration? Server)> LoadAsync(FileInfo file, TextWriter errors)
    {
        try
        {
            // The whole check of --check (undeclared keys, types, the Dhcp4 binder): a node never starts on a configuration --check rejects.
            var problems = ConfigurationCheck.Run(file.FullName, ProductModules.All);
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            var config = ConfigFactory.Load(file.FullName, [.. ProductModules.All]);
            var binding = ServerConfigurationBinder.Bind(config);
            if (problems.Any(p => p.Severity == ConfigProblemSeverity.Error) || binding.HasErrors || binding.Configuration is null)
            {
                await errors.WriteLineAsync($"{file.Name}: the configuration is not valid; nothing started").ConfigureAwait(false);
                return (null, null);
            }

            return (config, binding.Configuration);
        }
        catch (ConfigException ex)
        {
            await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return (null, null);
        }
    }

    private static async Task<PersistenceStore?> StartStoreAsync(Config config, LeaseDatabaseConfiguration database, ILogger log)
    {
        try
        {
            if (database.SqliteFile is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            return await PersistenceStore.StartAsync(NodeJournalOptions.For(config, database)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // any start failure of the journal ends the node with a clear message
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.LogCritical(ex, "DHCP4_DB_OPEN_FAILED lease database {Database}: {Message}", database, ex.Message);
            return null;
        }
    }

    private static void ReportStatistics(ILogger log, DhcpServer dhcp, PersistenceStore store)
    {
        var statistics = string.Join(' ', dhcp.Statistics.Snapshot().Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value}")));
        var journal = store.GetStatistics();
        log.LogInformation("DHCP4_STATISTICS {Statistics}", statistics);
        log.LogInformation(
            "DHCP4_JOURNAL_STATISTICS commits={Commits} synchronous-commits={Sync} events={Events} events-per-commit={PerCommit:F2} largest-commit={Largest} failed={Failed} transaction-ms={Transaction:F3} commit-ms={Commit:F3} durability={Durability}",
            journal.Commits, journal.SynchronousCommits, journal.EventsWritten, journal.EventsPerCommit, journal.LargestCommitEvents, journal.WritesFailed, journal.AverageTransactionMilliseconds, journal.AverageCommitMilliseconds, journal.Durability);
        log.LogInformation(
            "DHCP4_RUNTIME_STATISTICS gc-collections={Collections} gen1={Gen1} gen2={Gen2} gc-pause-ms={PauseMs:F0}",
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds);
    }

    private sealed class HealthWatch(Action<DatabaseHealth> onNext) : IObserver<DatabaseHealth>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(DatabaseHealth value) => onNext(value);
    }
}
