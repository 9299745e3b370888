using System.Text.Json.Nodes;

namespace DhcpCluster.Control.Leases;

/// <summary>
/// A lease as <c>lease4-add</c> and <c>lease4-update</c> give it: what the operator left out the backend fills in
/// (the subnet holding the address, that subnet's valid lifetime, cltt = now or <c>expire</c> − valid-lft).
/// </summary>
/// <param name="IpAddress">The address (dotted, validated).</param>
/// <param name="HwAddress">The hardware address (normalized hex).</param>
/// <param name="ClientId">The client identifier (normalized hex), null when none.</param>
/// <param name="ValidLifetime">Valid lifetime in seconds; null for the subnet's.</param>
/// <param name="Expire">Expiry time in Unix seconds; null for now + valid lifetime.</param>
/// <param name="SubnetId">The subnet; 0 to select it by the address.</param>
/// <param name="FqdnForward">Forward DNS update done.</param>
/// <param name="FqdnReverse">Reverse DNS update done.</param>
/// <param name="Hostname">Hostname (lower case), empty when none.</param>
/// <param name="State">Kea's lease state (0 default, 1 declined, 2 expired-reclaimed).</param>
/// <param name="UserContext">Free-form data, null when none.</param>
public sealed record Lease4Draft(
    string IpAddress,
    string HwAddress,
    string? ClientId,
    long? ValidLifetime,
    long? Expire,
    long SubnetId,
    bool FqdnForward,
    bool FqdnReverse,
    string Hostname,
    int State,
    JsonObject? UserContext);
