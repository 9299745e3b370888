using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DhcpCluster.Control.Registry;

/// <summary>
/// Typed access to a command's <c>arguments</c> map. Every failed read throws <see cref="CommandArgumentException"/>
/// naming the argument as Kea names it, which the endpoint answers with result 1.
/// </summary>
public sealed class CommandArguments
{
    private readonly JsonObject? _map;

    /// <summary>Wraps a command's arguments (null when the request had none).</summary>
    public CommandArguments(JsonObject? map) => _map = map;

    /// <summary>True when the request carried an arguments map.</summary>
    public bool IsPresent => _map is not null;

    /// <summary>The raw map; null when absent.</summary>
    public JsonObject? Map => _map;

    /// <summary>The raw map, required.</summary>
    /// <exception cref="CommandArgumentException">The request carried no arguments map.</exception>
    public JsonObject RequireMap() => _map ?? throw new CommandArgumentException("parameters missing or are not a map");

    /// <summary>True when the argument is present and not null.</summary>
    public bool Has(string name) => _map is not null && _map.TryGetPropertyValue(name, out var value) && value is not null;

    /// <summary>A required string.</summary>
    public string RequiredString(string name) => OptionalString(name) ?? throw Missing(name);

    /// <summary>An optional string; null when absent.</summary>
    public string? OptionalString(string name)
    {
        var node = Node(name);
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new CommandArgumentException($"'{name}' parameter must be a string");
    }

    /// <summary>A required integer within bounds.</summary>
    public long RequiredInteger(string name, long min = long.MinValue, long max = long.MaxValue) =>
        OptionalInteger(name, min, max) ?? throw Missing(name);

    /// <summary>An optional integer within bounds; null when absent.</summary>
    public long? OptionalInteger(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        var node = Node(name);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<long>(out var number))
        {
            throw new CommandArgumentException($"'{name}' parameter must be an integer");
        }

        return number < min || number > max
            ? throw new CommandArgumentException($"'{name}' parameter must be between {min} and {max}, found {number}")
            : number;
    }

    /// <summary>An optional boolean; null when absent.</summary>
    public bool? OptionalBoolean(string name)
    {
        var node = Node(name);
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
            JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
            _ => throw new CommandArgumentException($"'{name}' parameter must be a boolean"),
        };
    }

    /// <summary>An optional map; null when absent.</summary>
    public JsonObject? OptionalObject(string name)
    {
        var node = Node(name);
        return node switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new CommandArgumentException($"'{name}' parameter must be a map"),
        };
    }

    /// <summary>An optional list of integers within bounds; null when absent.</summary>
    public IReadOnlyList<long>? OptionalIntegerList(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        var node = Node(name);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw new CommandArgumentException($"'{name}' parameter must be a list");
        }

        var result = new List<long>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<long>(out var number) || number < min || number > max)
            {
                throw new CommandArgumentException($"'{name}' parameter must be a list of integers between {min} and {max}");
            }

            result.Add(number);
        }

        return result;
    }

    /// <summary>A required IPv4 address in dotted form.</summary>
    public IPAddress RequiredIPv4Address(string name) => ParseIPv4(name, RequiredString(name));

    /// <summary>Parses an IPv4 address argument.</summary>
    /// <exception cref="CommandArgumentException">The text is not an IPv4 address.</exception>
    public static IPAddress ParseIPv4(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork && text.Count(static c => c == '.') == 3
            ? address
            : throw new CommandArgumentException($"'{name}' parameter: '{text}' is not a valid IPv4 address");
    }

    private JsonNode? Node(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _map is not null && _map.TryGetPropertyValue(name, out var node) ? node : null;
    }

    private static CommandArgumentException Missing(string name) => new($"missing parameter '{name}'");
}
