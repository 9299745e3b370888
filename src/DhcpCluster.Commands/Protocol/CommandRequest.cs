using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DhcpCluster.Commands.Protocol;

/// <summary>A command as Kea's control agent takes it: <c>{"command": "...", "service": ["dhcp4"], "arguments": {...}}</c>.</summary>
/// <param name="Command">The command name, e.g. <c>lease4-get</c>.</param>
/// <param name="Service">The services addressed (Kea's control agent forwards to them); null or <c>dhcp4</c> here.</param>
/// <param name="Arguments">The command's arguments; null when it takes none.</param>
public sealed record CommandRequest(
    [property: JsonPropertyName("command")] string? Command,
    [property: JsonPropertyName("service")] IReadOnlyList<string>? Service = null,
    [property: JsonPropertyName("arguments")] JsonObject? Arguments = null);
