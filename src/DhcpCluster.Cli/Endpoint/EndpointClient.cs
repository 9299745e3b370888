using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;

namespace DhcpCluster.Cli.Endpoint;

/// <summary>Sends one Kea-style command to a node's endpoint and reads its list-wrapped response.</summary>
public sealed class EndpointClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly EndpointAddress _address;

    /// <summary>A client of the endpoint at <paramref name="address"/>.</summary>
    public EndpointClient(EndpointAddress address, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(address);
        _address = address;
        _http = new HttpClient { Timeout = timeout };
    }

    /// <summary>The response and the body as received (what <c>--json</c> prints).</summary>
    /// <param name="Response">The single response of the list.</param>
    /// <param name="Body">The body text.</param>
    public readonly record struct Reply(CommandResponse Response, string Body);

    /// <summary>Sends a command (service <c>dhcp4</c>, as Kea's tools do).</summary>
    /// <exception cref="EndpointUnreachableException">The node cannot be reached or answered something that is not a command response.</exception>
    public async Task<Reply> SendAsync(string command, JsonObject? arguments, CancellationToken cancellationToken)
    {
        var request = new CommandRequest(command, [CommandRegistryService], arguments);
        var json = JsonSerializer.Serialize(request, CommandJsonContext.Default.CommandRequest);
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        string body;
        try
        {
            using var response = await _http.PostAsync(_address.Uri, content, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            var reason = e.InnerException is SocketException socket ? socket.Message : e.Message;
            throw new EndpointUnreachableException($"cannot reach {_address}: {reason}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EndpointUnreachableException($"cannot reach {_address}: no answer within {_http.Timeout.TotalSeconds:0} s", e);
        }

        CommandResponse[]? responses;
        try
        {
            responses = JsonSerializer.Deserialize(body, CommandJsonContext.Default.CommandResponseArray);
        }
        catch (JsonException e)
        {
            throw new EndpointUnreachableException($"{_address} is not a DhcpCluster command endpoint (answer is not a command response list)", e);
        }

        return responses is { Length: 1 }
            ? new Reply(responses[0], body)
            : throw new EndpointUnreachableException($"{_address} answered {responses?.Length ?? 0} responses where one was expected");
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private const string CommandRegistryService = "dhcp4";
}
