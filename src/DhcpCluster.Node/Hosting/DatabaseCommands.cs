using DhcpCluster.Actors.Persistence.Schema;
using DhcpCluster.Hocon;
using DhcpCluster.Server.Configuration;

namespace DhcpCluster.Node.Hosting;

/// <summary><c>dhcp-node db init|version|upgrade --config FILE</c>: the journal schema of <c>Dhcp4.lease-database</c> (kea-admin's role).</summary>
internal static class DatabaseCommands
{
    public static async Task<int> RunAsync(string action, FileInfo file, TextWriter output, TextWriter errors)
    {
        var (config, database) = await LoadAsync(file, errors).ConfigureAwait(false);
        if (config is null || database is null)
        {
            return NodeCommandLine.Invalid;
        }

        if (database.SqliteFile is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        try
        {
            var options = NodeJournalOptions.For(config, database) with { AutoInitialize = false };
            var schema = new SchemaManager(options);
            await using var disposeSchema = schema.ConfigureAwait(false);
            switch (action)
            {
                case "init":
                    await schema.InitializeAsync().ConfigureAwait(false);
                    await output.WriteLineAsync($"{database}: schema version {SchemaManager.CurrentVersion} installed").ConfigureAwait(false);
                    return 0;
                case "upgrade":
                    var version = await schema.UpgradeAsync().ConfigureAwait(false);
                    await output.WriteLineAsync($"{database}: schema at version {version}").ConfigureAwait(false);
                    return 0;
                default:
                    var info = await schema.GetVersionAsync().ConfigureAwait(false);
                    await output.WriteLineAsync(info.Installed is { } installed
                        ? $"{database}: schema version {installed} (this build uses {info.Current})"
                        : $"{database}: no schema (run dhcp-node db init)").ConfigureAwait(false);
                    return info.IsCurrent ? 0 : NodeCommandLine.Invalid;
            }
        }
#pragma warning disable CA1031 // every database error is reported to the operator
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await errors.WriteLineAsync($"{database}: {ex.Message}").ConfigureAwait(false);
            return NodeCommandLine.Invalid;
        }
    }

    private static async Task<(Config? Config, LeaseDatabaseConfiguration? Database)> LoadAsync(FileInfo file, TextWriter errors)
    {
        try
        {
            var config = ConfigFactory.Load(file.FullName, [.. ProductModules.All]);
            var binding = ServerConfigurationBinder.Bind(config);
            foreach (var problem in binding.Errors)
            {
                await errors.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            return binding.HasErrors ? (null, null) : (config, binding.Configuration?.LeaseDatabase);
        }
        catch (ConfigException ex)
        {
            await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return (null, null);
        }
    }
}
