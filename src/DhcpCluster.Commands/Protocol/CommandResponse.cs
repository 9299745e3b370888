using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DhcpCluster.Commands.Protocol;

/// <summary>
/// One response as Kea's control agent gives it: <c>{"result": 0, "text": "...", "arguments": ...}</c>. Over HTTP the
/// endpoint sends a JSON list holding one of these, as Kea does.
/// </summary>
/// <param name="Result">The result code.</param>
/// <param name="Text">A human-readable message; null when there is none.</param>
/// <param name="Arguments">The payload (an object, or a list for <c>list-commands</c>); null when there is none.</param>
public sealed record CommandResponse(
    [property: JsonPropertyName("result")] CommandResultCode Result,
    [property: JsonPropertyName("text")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    [property: JsonPropertyName("arguments")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? Arguments = null)
{
    /// <summary>A success with a text and optional arguments.</summary>
    public static CommandResponse Success(string? text, JsonNode? arguments = null) => new(CommandResultCode.Success, text, arguments);

    /// <summary>An error (result 1).</summary>
    public static CommandResponse Error(string text) => new(CommandResultCode.Error, text);

    /// <summary>An unsupported command (result 2) with Kea's text.</summary>
    public static CommandResponse Unsupported(string command) => new(CommandResultCode.Unsupported, $"'{command}' command not supported.");

    /// <summary>Nothing found (result 3).</summary>
    public static CommandResponse Empty(string text, JsonNode? arguments = null) => new(CommandResultCode.Empty, text, arguments);

    /// <summary>A conflict with the current state (result 4).</summary>
    public static CommandResponse Conflict(string text) => new(CommandResultCode.Conflict, text);
}
