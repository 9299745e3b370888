using System.Net;
using System.Text.Json;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DhcpCluster.Control.Endpoint;

/// <summary>
/// The node's command endpoint: Kestrel answering HTTP POST <c>/</c> with a Kea control-agent request
/// (<c>{"command", "service", "arguments"}</c>) by a JSON list of one response (<c>[{"result", "text", "arguments"}]</c>),
/// the way Kea's control agent answers over HTTP, so Kea's tools and scripts parse it unchanged.
/// </summary>
public sealed partial class ControlEndpoint : IAsyncDisposable
{
    /// <summary>Largest request body accepted (a full configuration for <c>config-test</c> fits).</summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;

    private readonly CommandRegistry _registry;
    private readonly ControlEndpointSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private WebApplication? _app;

    /// <summary>An endpoint (not yet listening) answering from <paramref name="registry"/>.</summary>
    public ControlEndpoint(ControlEndpointSettings settings, CommandRegistry registry, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        _settings = settings;
        _registry = registry;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _log = _loggerFactory.CreateLogger<ControlEndpoint>();
    }

    /// <summary>The address and port it listens on, once started (the real port when 0 was asked for).</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>Starts listening.</summary>
    /// <exception cref="IOException">The address cannot be bound (in use, not local).</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the command endpoint is already started");
        }

        // An empty builder: no appsettings files, hence no file watcher on the working directory (a slim builder's
        // reload-on-change watcher wakes on every write of a journal kept there), no default logging, Kestrel's core only.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = MaxRequestBytes;
            options.Listen(_settings.Address, _settings.Port);
        });
        var app = builder.Build();
        app.MapPost("/", HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var port = address is null ? _settings.Port : new Uri(address).Port;
        LocalEndPoint = new IPEndPoint(_settings.Address, port);
        LogListening(_log, LocalEndPoint);
    }

    /// <summary>Stops listening (requests in progress finish first, bounded by <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var app = Interlocked.Exchange(ref _app, null);
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context)
    {
        CommandResponse response;
        var status = StatusCodes.Status200OK;
        try
        {
            var request = await JsonSerializer.DeserializeAsync(context.Request.Body, CommandJsonContext.Default.CommandRequest, context.RequestAborted).ConfigureAwait(false);
            response = request is null
                ? CommandResponse.Error("invalid command: expected a JSON map")
                : await _registry.ExecuteAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            status = StatusCodes.Status400BadRequest;
            response = CommandResponse.Error($"invalid command: {e.Message}");
        }
        catch (BadHttpRequestException e)
        {
            status = e.StatusCode;
            response = CommandResponse.Error($"invalid request: {e.Message}");
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, [response], CommandJsonContext.Default.CommandResponseArray, context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, EventName = "COMMAND_ENDPOINT_LISTENING", Level = LogLevel.Information, Message = "COMMAND_ENDPOINT_LISTENING command endpoint listening on {EndPoint}")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint);
}
