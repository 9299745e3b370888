using System.Buffers.Binary;
using System.Net;
using DhcpCluster.Commands.Leases;
using DhcpCluster.Control.Leases;

namespace DhcpCluster.Control.Tests.Leases;

/// <summary>
/// A complete lease backend in memory for endpoint and pbm tests: subnets by prefix, leases ordered by address.
/// </summary>
public sealed class InMemoryLeaseCommandsBackend : ILeaseCommandsBackend
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<uint, Lease4> _leases = [];
    private readonly IReadOnlyList<Subnet> _subnets;
    private readonly Func<long> _now;

    /// <summary>A backend with the given subnets.</summary>
    public InMemoryLeaseCommandsBackend(IEnumerable<Subnet> subnets, Func<long>? now = null)
    {
        _subnets = [.. subnets];
        _now = now ?? (() => DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    /// <summary>A subnet: id, network, prefix length, valid lifetime.</summary>
    public sealed record Subnet(long Id, string Network, int PrefixLength, long ValidLifetime)
    {
        internal bool Contains(uint address)
        {
            var mask = PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength);
            return (address & mask) == (ToUInt32(IPAddress.Parse(Network)) & mask);
        }
    }

    public ValueTask<Lease4?> GetByAddressAsync(IPAddress address, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_leases.GetValueOrDefault(ToUInt32(address)));
        }
    }

    public ValueTask<IReadOnlyList<Lease4>> GetAllAsync(IReadOnlyCollection<long>? subnetIds, CancellationToken cancellationToken) =>
        Where(l => subnetIds is null || subnetIds.Contains(l.SubnetId));

    public ValueTask<IReadOnlyList<Lease4>> GetPageAsync(IPAddress? after, int limit, CancellationToken cancellationToken)
    {
        var start = after is null ? -1L : ToUInt32(after);
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<Lease4>>([.. _leases.Where(p => p.Key > start).Take(limit).Select(p => p.Value)]);
        }
    }

    public ValueTask<IReadOnlyList<Lease4>> GetByHardwareAddressAsync(string hardwareAddress, CancellationToken cancellationToken) =>
        Where(l => string.Equals(l.HwAddress, hardwareAddress, StringComparison.Ordinal));

    public ValueTask<IReadOnlyList<Lease4>> GetByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        Where(l => string.Equals(l.ClientId, clientId, StringComparison.Ordinal));

    public ValueTask<IReadOnlyList<Lease4>> GetByHostnameAsync(string hostname, CancellationToken cancellationToken) =>
        Where(l => string.Equals(l.Hostname, hostname, StringComparison.OrdinalIgnoreCase));

    public ValueTask<LeaseChange> AddAsync(Lease4Draft lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = ToUInt32(IPAddress.Parse(lease.IpAddress));
            if (_leases.ContainsKey(key))
            {
                return ValueTask.FromResult(new LeaseChange(LeaseChangeOutcome.Conflict));
            }

            return ValueTask.FromResult(Store(key, lease));
        }
    }

    public ValueTask<LeaseChange> UpdateAsync(Lease4Draft lease, bool forceCreate, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = ToUInt32(IPAddress.Parse(lease.IpAddress));
            return ValueTask.FromResult(!_leases.ContainsKey(key) && !forceCreate ? new LeaseChange(LeaseChangeOutcome.NotFound) : Store(key, lease));
        }
    }

    public ValueTask<bool> DeleteAsync(IPAddress address, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_leases.Remove(ToUInt32(address)));
        }
    }

    public ValueTask<int> WipeAsync(IReadOnlyCollection<long>? subnetIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var doomed = _leases.Where(p => subnetIds is null || subnetIds.Contains(p.Value.SubnetId)).Select(p => p.Key).ToList();
            foreach (var key in doomed)
            {
                _leases.Remove(key);
            }

            return ValueTask.FromResult(doomed.Count);
        }
    }

    private LeaseChange Store(uint key, Lease4Draft draft)
    {
        var subnet = draft.SubnetId == 0
            ? _subnets.FirstOrDefault(s => s.Contains(key))
            : _subnets.FirstOrDefault(s => s.Id == draft.SubnetId);
        if (subnet is null)
        {
            return LeaseChange.Refused(draft.SubnetId == 0 ? $"no subnet holds {draft.IpAddress}" : $"no subnet with subnet-id {draft.SubnetId}");
        }

        if (!subnet.Contains(key))
        {
            return LeaseChange.Refused($"address {draft.IpAddress} is not in subnet {subnet.Id}");
        }

        var valid = draft.ValidLifetime ?? subnet.ValidLifetime;
        var cltt = draft.Expire is { } expire ? expire - valid : _now();
        var lease = new Lease4(draft.IpAddress, draft.HwAddress, draft.ClientId, valid, cltt, subnet.Id, draft.FqdnForward, draft.FqdnReverse, draft.Hostname, draft.State, draft.UserContext);
        _leases[key] = lease;
        return LeaseChange.Stored(lease);
    }

    private ValueTask<IReadOnlyList<Lease4>> Where(Func<Lease4, bool> predicate)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<Lease4>>([.. _leases.Values.Where(predicate)]);
        }
    }

    private static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }
}
