using System.Globalization;
using System.Net;
using DhcpCluster.Actors;
using DhcpCluster.Commands.Leases;
using DhcpCluster.Control.Leases;
using DhcpCluster.Control.Registry;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Leases;
using static DhcpCluster.Server.Leases.PoolOwnerProtocol;

namespace DhcpCluster.Node.Leases;

/// <summary>
/// Kea's lease commands over the node's pool owners. Reads ask the owners for their durable leases (what the journal
/// holds, the same state the <c>dhcp4_lease</c> read model mirrors); writes are <see cref="PoolOwnerProtocol"/>
/// commands to the owner of the address's subnet, which checks the single-owner rule and journals the change before
/// it answers, so the client actors and the commands never disagree and a restart replays both.
/// </summary>
public sealed class PoolOwnerLeaseBackend : ILeaseCommandsBackend
{
    private const byte EthernetHardwareType = 1;
    private readonly Dhcp4Configuration configuration;
    private readonly PoolOwnerDirectory owners;
    private readonly Func<long> clock;
    private readonly TimeSpan timeout;

    /// <summary>A backend over <paramref name="owners"/> of <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The running DHCPv4 configuration (subnets, lifetimes).</param>
    /// <param name="owners">The pool owners by subnet.</param>
    /// <param name="clock">Now, in Unix seconds.</param>
    /// <param name="timeout">How long a command waits for an owner.</param>
    public PoolOwnerLeaseBackend(Dhcp4Configuration configuration, PoolOwnerDirectory owners, Func<long> clock, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(clock);
        this.configuration = configuration;
        this.owners = owners;
        this.clock = clock;
        this.timeout = timeout;
    }

    /// <inheritdoc />
    public async ValueTask<Lease4?> GetByAddressAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var ip = ToIpv4(address);
        if (configuration.FindSubnetContaining(ip) is not { } subnet || owners.OwnerOf(subnet.Id) is not { } owner)
        {
            return null;
        }

        var leases = await DurableLeasesAsync(owner, cancellationToken).ConfigureAwait(false);
        return leases.Where(l => l.Address == ip).Select(ToLease4).FirstOrDefault();
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Lease4>> GetAllAsync(IReadOnlyCollection<long>? subnetIds, CancellationToken cancellationToken)
    {
        if (subnetIds is null)
        {
            return await SelectAsync(owners.Owners, static _ => true, cancellationToken).ConfigureAwait(false);
        }

        var wanted = subnetIds.ToHashSet();
        var selected = wanted.Where(id => id <= uint.MaxValue).Select(id => owners.OwnerOf((uint)id)).OfType<IActorRef>().Distinct();
        return await SelectAsync(selected, l => wanted.Contains(l.SubnetId), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Lease4>> GetPageAsync(IPAddress? after, int limit, CancellationToken cancellationToken)
    {
        var from = after is null ? (uint?)null : ToIpv4(after).Value;
        var all = await AllDurableAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Where(l => from is null || l.Address.Value > from).OrderBy(l => l.Address.Value).Take(limit).Select(ToLease4)];
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Lease4>> GetByHardwareAddressAsync(string hardwareAddress, CancellationToken cancellationToken) =>
        SelectAsync(owners.Owners, l => string.Equals(HardwareText(l), hardwareAddress, StringComparison.Ordinal), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Lease4>> GetByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        SelectAsync(owners.Owners, l => string.Equals(ClientIdText(l), clientId, StringComparison.Ordinal), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Lease4>> GetByHostnameAsync(string hostname, CancellationToken cancellationToken) =>
        SelectAsync(owners.Owners, l => string.Equals(l.Hostname, hostname, StringComparison.OrdinalIgnoreCase), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<LeaseChange> AddAsync(Lease4Draft lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (Resolve(lease, out var owner, out var value) is { } problem)
        {
            return LeaseChange.Refused(problem);
        }

        return ToChange(await AskAsync(owner!, new AddLease(value), cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async ValueTask<LeaseChange> UpdateAsync(Lease4Draft lease, bool forceCreate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (Resolve(lease, out var owner, out var value) is { } problem)
        {
            return LeaseChange.Refused(problem);
        }

        return ToChange(await AskAsync(owner!, new UpdateLease(value, forceCreate), cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var ip = ToIpv4(address);
        if (configuration.FindSubnetContaining(ip) is not { } subnet || owners.OwnerOf(subnet.Id) is not { } owner)
        {
            return false;
        }

        var result = await AskAsync(owner, new DeleteLease(ip), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            LeaseCommandOutcome.Done => true,
            LeaseCommandOutcome.NotFound => false,
            _ => throw new InvalidOperationException(result.Problem ?? $"lease of {ip} not deleted ({result.Outcome})"),
        };
    }

    /// <inheritdoc />
    public async ValueTask<int> WipeAsync(IReadOnlyCollection<long>? subnetIds, CancellationToken cancellationToken)
    {
        var requests = new List<(IActorRef Owner, WipeLeases Wipe)>();
        if (subnetIds is null)
        {
            requests.AddRange(owners.Owners.Select(o => (o, new WipeLeases(null))));
        }
        else
        {
            foreach (var id in subnetIds)
            {
                var owner = id is > 0 and <= uint.MaxValue ? owners.OwnerOf((uint)id) : null;
                requests.Add(owner is null
                    ? throw new CommandArgumentException(string.Create(CultureInfo.InvariantCulture, $"Invalid subnet-id: No IPv4 subnet with subnet-id={id} currently configured."))
                    : (owner, new WipeLeases((uint)id)));
            }
        }

        var results = await Task.WhenAll(requests.Select(r => AskAsync(r.Owner, r.Wipe, cancellationToken))).ConfigureAwait(false);
        var failed = results.FirstOrDefault(r => r.Outcome != LeaseCommandOutcome.Done);
        return failed is null
            ? results.Sum(r => r.Count)
            : throw new InvalidOperationException(failed.Problem ?? $"wipe failed ({failed.Outcome}) after {results.Sum(r => r.Count)} lease(s)");
    }

    /// <summary>A lease in Kea's command form: hardware address without its type byte, cltt = start of the lease.</summary>
    public static Lease4 ToLease4(Lease lease) => new(
        lease.Address.ToString(),
        HardwareText(lease),
        ClientIdText(lease),
        Math.Max(0, lease.Expires - lease.Start),
        lease.Start,
        lease.SubnetId,
        FqdnForward: false,
        FqdnReverse: false,
        lease.Hostname ?? string.Empty,
        lease.State == LeaseState.Declined ? Lease4.StateDeclined : Lease4.StateDefault);

    private static bool IsActive(in Lease lease) => lease.State is LeaseState.Bound or LeaseState.Declined;

    private static string HardwareText(Lease lease)
    {
        if (lease.HardwareAddress.IsEmpty)
        {
            return string.Empty;
        }

        var bytes = lease.HardwareAddress.ToArray();
        return Hex(bytes.AsSpan(1));
    }

    private static string? ClientIdText(Lease lease) => lease.ClientIdentifier is { } id ? Hex(id.ToArray()) : null;

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes) is { Length: > 0 } hex
        ? string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)))
        : string.Empty;

    private static Ipv4Address ToIpv4(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        return address.TryWriteBytes(bytes, out var written) && written == 4
            ? new Ipv4Address(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes))
            : throw new CommandArgumentException($"'{address}' is not an IPv4 address");
    }

    private static byte[] ParseHex(string normalized) =>
        normalized.Length == 0 ? [] : [.. normalized.Split(':').Select(h => byte.Parse(h, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture))];

    private static LeaseChange ToChange(LeaseCommandResult result) => result.Outcome switch
    {
        LeaseCommandOutcome.Done => LeaseChange.Stored(ToLease4(result.Lease!.Value)),
        LeaseCommandOutcome.Conflict => new LeaseChange(LeaseChangeOutcome.Conflict, result.Lease is { } held ? ToLease4(held) : null),
        LeaseCommandOutcome.NotFound => new LeaseChange(LeaseChangeOutcome.NotFound),
        _ => LeaseChange.Refused(result.Problem ?? result.Outcome.ToString()),
    };

    /// <summary>Finds the subnet and owner of a drafted lease and builds the lease; returns the problem when it cannot.</summary>
    private string? Resolve(Lease4Draft draft, out IActorRef? owner, out Lease lease)
    {
        owner = null;
        lease = default;
        var address = ToIpv4(IPAddress.Parse(draft.IpAddress));
        if (FindSubnet(draft.SubnetId, address, out var subnet) is { } subnetProblem)
        {
            return subnetProblem;
        }

        if (draft.FqdnForward || draft.FqdnReverse || draft.UserContext is not null)
        {
            return "fqdn-fwd, fqdn-rev and user-context are not stored by this server (it does no DNS updates); leave them out";
        }

        if (draft.State == Lease4.StateExpiredReclaimed)
        {
            return "state 2 (expired-reclaimed) leases are not stored by this server: delete the lease instead";
        }

        var hardware = ParseHex(draft.HwAddress);
        if (hardware.Length is 0 or > 16)
        {
            return $"'hw-address' parameter: '{draft.HwAddress}' must hold 1 to 16 bytes";
        }

        var valid = draft.ValidLifetime ?? subnet.Effective.ValidLifetime;
        var start = draft.Expire is { } expire ? expire - valid : clock();
        owner = owners.OwnerOf(subnet.Id);
        if (owner is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"subnet-id {subnet.Id} has no pool owner on this node");
        }

        lease = new Lease(
            address,
            subnet.Id,
            ClientKey.FromHardwareAddress(EthernetHardwareType, hardware),
            draft.ClientId is { } id ? ClientKey.FromClientIdentifier(ParseHex(id)) : null,
            draft.State == Lease4.StateDeclined ? LeaseState.Declined : LeaseState.Bound,
            start,
            start + valid,
            (uint)valid,
            draft.Hostname.Length == 0 ? null : draft.Hostname);
        return null;
    }

    private string? FindSubnet(long subnetId, Ipv4Address address, out Subnet4 subnet)
    {
        if (subnetId == 0)
        {
            subnet = configuration.FindSubnetContaining(address)!;
            return subnet is null ? $"subnet-id not specified and failed to find a subnet for address: {address}" : null;
        }

        subnet = (subnetId <= uint.MaxValue ? configuration.FindSubnet((uint)subnetId) : null)!;
        if (subnet is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Invalid subnet-id: No IPv4 subnet with subnet-id={subnetId} currently configured.");
        }

        return subnet.Contains(address)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"The address {address} does not belong to subnet {subnet.Network}/{subnet.PrefixLength}, subnet-id={subnet.Id}");
    }

    private async ValueTask<IReadOnlyList<Lease4>> SelectAsync(IEnumerable<IActorRef> from, Func<Lease, bool> filter, CancellationToken cancellationToken)
    {
        var lists = await Task.WhenAll(from.Select(o => DurableLeasesAsync(o, cancellationToken))).ConfigureAwait(false);
        return [.. lists.SelectMany(l => l).Where(filter).OrderBy(l => l.Address.Value).Select(ToLease4)];
    }

    private async Task<IReadOnlyList<Lease>> AllDurableAsync(CancellationToken cancellationToken)
    {
        var lists = await Task.WhenAll(owners.Owners.Select(o => DurableLeasesAsync(o, cancellationToken))).ConfigureAwait(false);
        return [.. lists.SelectMany(l => l)];
    }

    private async Task<IReadOnlyList<Lease>> DurableLeasesAsync(IActorRef owner, CancellationToken cancellationToken)
    {
        var list = await owner.Ask<LeaseList>(GetLeases.Instance, timeout, cancellationToken).ConfigureAwait(false);
        return [.. list.Durable.Where(l => IsActive(l))];
    }

    private async Task<LeaseCommandResult> AskAsync(IActorRef owner, object command, CancellationToken cancellationToken) =>
        await owner.Ask<LeaseCommandResult>(command, timeout, cancellationToken).ConfigureAwait(false);
}
