using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DhcpCluster.Control.Registry;

/// <summary>
/// The commands a node answers, by name. Modules register their handlers (the server its lease commands, the cluster
/// runtime its palette); a name nobody registered answers result 2 as Kea does.
/// </summary>
public sealed partial class CommandRegistry
{
    /// <summary>The service name Kea's control agent forwards DHCPv4 commands to; the only one a node serves.</summary>
    public const string Dhcp4Service = "dhcp4";

    private readonly ConcurrentDictionary<string, CommandHandler> _handlers = new(StringComparer.Ordinal);
    private readonly ILogger _log;

    /// <summary>A registry that answers <c>list-commands</c> itself.</summary>
    public CommandRegistry(ILogger<CommandRegistry>? log = null)
    {
        _log = (ILogger?)log ?? NullLogger.Instance;
        Register(CommandNames.ListCommands, (_, _) =>
            ValueTask.FromResult(CommandResponse.Success(text: null, new JsonArray([.. Names.Select(static n => (JsonNode)n)]))));
    }

    /// <summary>The registered command names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _handlers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers a handler.</summary>
    /// <exception cref="ArgumentException">A handler of that name exists.</exception>
    public void Register(string name, CommandHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(name, handler))
        {
            throw new ArgumentException($"command '{name}' is already registered", nameof(name));
        }
    }

    /// <summary>Registers a handler taking typed arguments: <paramref name="parse"/> reads them (throwing <see cref="CommandArgumentException"/> when they are bad).</summary>
    public void Register<TArguments>(string name, Func<CommandArguments, TArguments> parse, Func<TArguments, CancellationToken, ValueTask<CommandResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(handler);
        Register(name, (arguments, cancellationToken) => handler(parse(arguments), cancellationToken));
    }

    /// <summary>Removes a handler (a module that stops); false when there was none.</summary>
    public bool Unregister(string name) => _handlers.TryRemove(name, out _);

    /// <summary>True when a handler of that name exists.</summary>
    public bool Contains(string name) => _handlers.ContainsKey(name);

    /// <summary>Runs a request: unknown → 2, bad arguments → 1, a failing handler → 1 (logged).</summary>
    public async ValueTask<CommandResponse> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Command))
        {
            return CommandResponse.Error("'command' parameter missing");
        }

        if (request.Service is { Count: > 0 } services && !services.All(static s => string.Equals(s, Dhcp4Service, StringComparison.Ordinal)))
        {
            return CommandResponse.Error($"service {string.Join(", ", services.Where(static s => !string.Equals(s, Dhcp4Service, StringComparison.Ordinal)))} is not served by this node (only '{Dhcp4Service}')");
        }

        if (!_handlers.TryGetValue(request.Command, out var handler))
        {
            return CommandResponse.Unsupported(request.Command);
        }

        try
        {
            return await handler(new CommandArguments(request.Arguments), cancellationToken).ConfigureAwait(false);
        }
        catch (CommandArgumentException e)
        {
            return CommandResponse.Error(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogCommandFailed(_log, e, request.Command);
            return CommandResponse.Error($"command '{request.Command}' failed: {e.Message}");
        }
    }

    [LoggerMessage(EventId = 1, EventName = "COMMAND_FAILED", Level = LogLevel.Error, Message = "command {Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, string command);
}
