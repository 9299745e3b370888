using DhcpCluster.Commands.Leases;

namespace DhcpCluster.Control.Leases;

/// <summary>The result of a lease change.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Lease">The stored lease when <see cref="LeaseChangeOutcome.Done"/>.</param>
/// <param name="Problem">Why it was rejected.</param>
public readonly record struct LeaseChange(LeaseChangeOutcome Outcome, Lease4? Lease = null, string? Problem = null)
{
    /// <summary>Stored.</summary>
    public static LeaseChange Stored(Lease4 lease) => new(LeaseChangeOutcome.Done, lease);

    /// <summary>Refused for a reason.</summary>
    public static LeaseChange Refused(string problem) => new(LeaseChangeOutcome.Rejected, Problem: problem);
}
