using System.CommandLine;
using DhcpCluster.Node.Configuration;
using DhcpCluster.Node.Hosting;

namespace DhcpCluster.Node;

/// <summary>
/// The <c>dhcp-node</c> command line: <c>--config FILE</c> runs a node, <c>--config FILE --check</c> validates
/// the configuration and exits (0 valid, 1 with <c>file:line:col: key: problem</c> lines otherwise).
/// </summary>
public static class NodeCommandLine
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int NotAvailable = 3;

    public static RootCommand Build()
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = "The node's HOCON configuration file (its Dhcp4 object takes Kea's keys).",
            Required = true,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Validate the configuration and exit: 0 when valid, 1 with one 'file:line:col: key: problem' line per error.",
        };
        var root = new RootCommand("dhcp-node: a DhcpCluster node, a DHCPv4 server on an actor cluster.")
        {
            config,
            check,
        };
        root.SetAction(async (parse, _) =>
        {
            var file = parse.GetValue(config)!;
            return parse.GetValue(check) ? Check(file, Console.Out, Console.Error) : await NodeHost.RunAsync(file, Console.Error).ConfigureAwait(false);
        });
        root.Subcommands.Add(DatabaseCommand());
        return root;
    }

    /// <summary>Validates <paramref name="file"/>; warnings and errors go to <paramref name="errors"/>.</summary>
    public static int Check(FileInfo file, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var problems = ConfigurationCheck.Run(file.FullName, ProductModules.All);
        foreach (var problem in problems)
        {
            errors.WriteLine(problem);
        }

        var errorCount = problems.Count(p => p.Severity == ConfigProblemSeverity.Error);
        var warningCount = problems.Count - errorCount;
        if (errorCount > 0)
        {
            errors.WriteLine($"{file.Name}: {errorCount} error(s), {warningCount} warning(s): the configuration is not valid");
            return Invalid;
        }

        output.WriteLine($"{file.Name}: configuration valid ({warningCount} warning(s))");
        return Valid;
    }

    private static Command DatabaseCommand()
    {
        var database = new Command("db", "Manage the lease journal's schema in Dhcp4.lease-database (the role of kea-admin).");
        foreach (var (name, description) in new[]
        {
            ("init", "Create the journal, snapshot and lease tables at the current schema version."),
            ("version", "Print the installed schema version (exit 1 when missing or not current)."),
            ("upgrade", "Upgrade the schema to the current version."),
        })
        {
            var config = new Option<FileInfo>("--config") { Description = "The node's HOCON configuration file.", Required = true };
            var action = new Command(name, description) { config };
            action.SetAction((parse, _) => DatabaseCommands.RunAsync(name, parse.GetValue(config)!, Console.Out, Console.Error));
            database.Subcommands.Add(action);
        }

        return database;
    }
}
