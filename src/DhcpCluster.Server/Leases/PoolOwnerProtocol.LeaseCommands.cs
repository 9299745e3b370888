using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Server.Leases;

/// <summary>The operator's lease commands (Kea's <c>lease4-add/update/del/wipe</c>) as the owning pool owner takes them.</summary>
public static partial class PoolOwnerProtocol
{
    /// <summary>
    /// <c>lease4-add</c>: store a lease (state bound or declined) of an address of the owner's subnets; refused with
    /// <see cref="LeaseCommandOutcome.Conflict"/> while another lease (or an offer) holds the address. Answered with
    /// <see cref="LeaseCommandResult"/> once the event is durable.
    /// </summary>
    public sealed record AddLease(Lease Lease);

    /// <summary>
    /// <c>lease4-update</c>: replace the durable lease of the address; <see cref="LeaseCommandOutcome.NotFound"/> when
    /// there is none unless <paramref name="ForceCreate"/>, <see cref="LeaseCommandOutcome.Conflict"/> when it would
    /// be created over another client's offer.
    /// </summary>
    public sealed record UpdateLease(Lease Lease, bool ForceCreate);

    /// <summary><c>lease4-del</c>: delete the durable lease of an address (<see cref="LeaseCommandOutcome.NotFound"/> when there is none).</summary>
    public sealed record DeleteLease(Ipv4Address Address);

    /// <summary><c>lease4-wipe</c>: delete every durable lease of one subnet of the owner, or of all its subnets when null; the count is in the result.</summary>
    public sealed record WipeLeases(uint? SubnetId);

    /// <summary>The answer to a lease command.</summary>
    /// <param name="Outcome">How it ended.</param>
    /// <param name="Lease">The lease written (add, update), the lease in the way (conflict) or the last lease deleted.</param>
    /// <param name="Count">Leases written or deleted.</param>
    /// <param name="Problem">Why it was refused or failed.</param>
    public sealed record LeaseCommandResult(LeaseCommandOutcome Outcome, Lease? Lease = null, int Count = 0, string? Problem = null);
}
