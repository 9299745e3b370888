using System.Net;
using DhcpCluster.Commands.Leases;

namespace DhcpCluster.Control.Leases;

/// <summary>
/// What the lease commands need from the server's lease state. The server implements it over its lease read model;
/// identifiers arrive normalized (lower-case colon-separated hex, see <see cref="LeaseIdentifierText"/>), hostnames in
/// lower case (compare case-insensitively).
/// </summary>
public interface ILeaseCommandsBackend
{
    /// <summary>The lease of an address, null when there is none.</summary>
    ValueTask<Lease4?> GetByAddressAsync(IPAddress address, CancellationToken cancellationToken);

    /// <summary>Every lease, or those of the given subnets, ordered by address.</summary>
    ValueTask<IReadOnlyList<Lease4>> GetAllAsync(IReadOnlyCollection<long>? subnetIds, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="limit"/> leases with addresses above <paramref name="after"/> (from the lowest when null), ordered by address.</summary>
    ValueTask<IReadOnlyList<Lease4>> GetPageAsync(IPAddress? after, int limit, CancellationToken cancellationToken);

    /// <summary>The leases of a hardware address.</summary>
    ValueTask<IReadOnlyList<Lease4>> GetByHardwareAddressAsync(string hardwareAddress, CancellationToken cancellationToken);

    /// <summary>The leases of a client identifier.</summary>
    ValueTask<IReadOnlyList<Lease4>> GetByClientIdAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>The leases of a hostname.</summary>
    ValueTask<IReadOnlyList<Lease4>> GetByHostnameAsync(string hostname, CancellationToken cancellationToken);

    /// <summary>Adds a lease; <see cref="LeaseChangeOutcome.Conflict"/> when its address is leased already.</summary>
    ValueTask<LeaseChange> AddAsync(Lease4Draft lease, CancellationToken cancellationToken);

    /// <summary>Replaces the lease of the draft's address; <see cref="LeaseChangeOutcome.NotFound"/> when there is none, unless <paramref name="forceCreate"/>.</summary>
    ValueTask<LeaseChange> UpdateAsync(Lease4Draft lease, bool forceCreate, CancellationToken cancellationToken);

    /// <summary>Deletes the lease of an address; false when there was none.</summary>
    ValueTask<bool> DeleteAsync(IPAddress address, CancellationToken cancellationToken);

    /// <summary>Deletes every lease of the given subnets (all when null); returns how many.</summary>
    ValueTask<int> WipeAsync(IReadOnlyCollection<long>? subnetIds, CancellationToken cancellationToken);
}
