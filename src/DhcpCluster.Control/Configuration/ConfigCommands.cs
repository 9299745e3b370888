using System.Text;
using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;
using DhcpCluster.Hocon;

namespace DhcpCluster.Control.Configuration;

/// <summary><c>config-get</c>, <c>config-test</c> and <c>config-write</c>.</summary>
public static class ConfigCommands
{
    /// <summary>Registers the commands over <paramref name="configuration"/>.</summary>
    public static void Register(CommandRegistry registry, RunningConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(configuration);
        registry.Register(CommandNames.ConfigGet, (_, _) =>
            ValueTask.FromResult(CommandResponse.Success(text: null, JsonNode.Parse(configuration.Current.ToJson()))));
        registry.Register(CommandNames.ConfigTest, static a => a.RequireMap(), (candidate, _) => ValueTask.FromResult(Test(configuration, candidate)));
        registry.Register(CommandNames.ConfigWrite, static a => a.OptionalString("filename"), async (filename, cancellationToken) =>
            await WriteAsync(configuration, filename, cancellationToken).ConfigureAwait(false));
    }

    private static CommandResponse Test(RunningConfiguration configuration, JsonObject candidate)
    {
        Config parsed;
        try
        {
            parsed = ConfigFactory.ParseString(candidate.ToJsonString(), "config-test");
        }
        catch (ConfigException e)
        {
            return CommandResponse.Error(e.Message);
        }

        var problems = configuration.Check(parsed);
        return problems.Count == 0
            ? CommandResponse.Success("Configuration seems sane.")
            : CommandResponse.Error(string.Join("; ", problems));
    }

    private static async Task<CommandResponse> WriteAsync(RunningConfiguration configuration, string? filename, CancellationToken cancellationToken)
    {
        if (configuration.SourceFile is not { } source)
        {
            return CommandResponse.Error("the node was not started from a configuration file: config-write has no directory to write to");
        }

        var directory = Path.GetDirectoryName(source)!;
        var target = Path.GetFullPath(filename ?? source, directory);
        if (!string.Equals(Path.GetDirectoryName(target), directory, StringComparison.Ordinal))
        {
            return CommandResponse.Error($"'filename' parameter: {target} is outside the configuration directory {directory}");
        }

        var text = configuration.Current.ToJson();
        var bytes = Encoding.UTF8.GetBytes(text);
        var temporary = target + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return CommandResponse.Error($"Unable to write configuration to {target}: {e.Message}");
        }

        return CommandResponse.Success(
            $"Configuration written to {target} successfully",
            new JsonObject { ["filename"] = target, ["size"] = bytes.Length });
    }
}
