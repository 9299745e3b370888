using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DhcpCluster.Commands.Leases;

/// <summary>
/// A DHCPv4 lease as Kea's lease commands carry it. Addresses and identifiers are text: the address dotted, the hardware
/// address and client identifier as lower-case colon-separated hex (<c>08:00:2b:01:02:03</c>).
/// </summary>
/// <param name="IpAddress">The leased address.</param>
/// <param name="HwAddress">The client's hardware address.</param>
/// <param name="ClientId">The client identifier (option 61), null when the client sent none.</param>
/// <param name="ValidLifetime">Valid lifetime in seconds.</param>
/// <param name="ClientLastTransmissionTime">When the lease was last granted or renewed (Unix seconds); expiry = cltt + valid-lft.</param>
/// <param name="SubnetId">The subnet the address belongs to.</param>
/// <param name="FqdnForward">Whether a forward DNS update was done.</param>
/// <param name="FqdnReverse">Whether a reverse DNS update was done.</param>
/// <param name="Hostname">The client's hostname, empty when none.</param>
/// <param name="State">0 default (assigned), 1 declined, 2 expired-reclaimed (Kea's values).</param>
/// <param name="UserContext">Free-form data attached to the lease; null when none.</param>
public sealed record Lease4(
    [property: JsonPropertyName("ip-address")] string IpAddress,
    [property: JsonPropertyName("hw-address")] string HwAddress,
    [property: JsonPropertyName("client-id")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientId,
    [property: JsonPropertyName("valid-lft")] long ValidLifetime,
    [property: JsonPropertyName("cltt")] long ClientLastTransmissionTime,
    [property: JsonPropertyName("subnet-id")] long SubnetId,
    [property: JsonPropertyName("fqdn-fwd")] bool FqdnForward,
    [property: JsonPropertyName("fqdn-rev")] bool FqdnReverse,
    [property: JsonPropertyName("hostname")] string Hostname,
    [property: JsonPropertyName("state")] int State,
    [property: JsonPropertyName("user-context")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? UserContext = null)
{
    /// <summary>Kea's state of a lease in use.</summary>
    public const int StateDefault = 0;

    /// <summary>Kea's state of a declined address.</summary>
    public const int StateDeclined = 1;

    /// <summary>Kea's state of an expired lease that was reclaimed.</summary>
    public const int StateExpiredReclaimed = 2;

    /// <summary>When the lease expires (Unix seconds).</summary>
    [JsonIgnore]
    public long Expire => ClientLastTransmissionTime + ValidLifetime;
}
