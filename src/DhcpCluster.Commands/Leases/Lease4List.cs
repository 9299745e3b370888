using System.Text.Json.Serialization;

namespace DhcpCluster.Commands.Leases;

/// <summary>The arguments of the lease listing commands: <c>{"leases": [...]}</c>, with <c>count</c> for <c>lease4-get-page</c>.</summary>
/// <param name="Leases">The leases found.</param>
/// <param name="Count">The number of leases in a page (only <c>lease4-get-page</c> sets it).</param>
public sealed record Lease4List(
    [property: JsonPropertyName("leases")] IReadOnlyList<Lease4> Leases,
    [property: JsonPropertyName("count")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count = null);
