using System.Text.Json.Nodes;

namespace DhcpCluster.Control.Tests.Endpoint;

internal static class ResponseAssert
{
    public static int Result(JsonObject response) => response["result"]!.GetValue<int>();

    public static string? Text(JsonObject response) => response["text"]?.GetValue<string>();

    public static JsonObject Arguments(JsonObject response) => Assert.IsType<JsonObject>(response["arguments"]);

    public static void Is(int expected, JsonObject response) =>
        Assert.True(Result(response) == expected, $"expected result {expected}, got {response.ToJsonString()}");
}
