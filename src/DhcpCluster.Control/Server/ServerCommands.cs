using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using DhcpCluster.Actors;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;
using DhcpCluster.Control.Status;

namespace DhcpCluster.Control.Server;

/// <summary>The node's own commands: <c>version-get</c>, <c>status-get</c> and <c>shutdown</c>.</summary>
public static class ServerCommands
{
    /// <summary>The product version (the informational version without its build metadata).</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>Registers the commands. <paramref name="system"/> runs the coordinated shutdown of <c>shutdown</c>; without one the command answers 2.</summary>
    public static void Register(CommandRegistry registry, NodeProcessStatus status, ActorSystem? system)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(status);
        registry.Register(CommandNames.VersionGet, (_, _) => ValueTask.FromResult(CommandResponse.Success(
            Version,
            new JsonObject
            {
                ["extended"] = $"DhcpCluster {Version} ({RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier})",
            })));
        registry.Register(CommandNames.StatusGet, async (_, cancellationToken) =>
        {
            var arguments = new JsonObject
            {
                ["pid"] = status.ProcessId,
                ["uptime"] = status.UptimeSeconds,
                ["reload"] = status.SecondsSinceReload,
            };
            if (status.HighAvailability is { } highAvailability && await highAvailability(cancellationToken).ConfigureAwait(false) is { } section)
            {
                arguments["high-availability"] = section;
            }

            return CommandResponse.Success(text: null, arguments);
        });
        if (system is not null)
        {
            registry.Register(CommandNames.Shutdown, ParseExitValue, (exitValue, cancellationToken) =>
            {
                // Not awaited: the endpoint stops in the service-unbind phase after this response is sent.
                _ = CoordinatedShutdown.Get(system).Run(new ShutdownCommandReason(exitValue));
                return ValueTask.FromResult(CommandResponse.Success("Shutting down."));
            });
        }
    }

    private static int ParseExitValue(CommandArguments arguments) => (int)(arguments.OptionalInteger("exit-value", 0, 255) ?? 0);

    private static string ReadVersion()
    {
        var informational = typeof(ServerCommands).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ServerCommands).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
