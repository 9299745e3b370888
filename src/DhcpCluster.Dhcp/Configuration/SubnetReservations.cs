namespace DhcpCluster.Dhcp.Configuration;

/// <summary>A subnet's reservations indexed by identifier kind and by reserved address.</summary>
public sealed class SubnetReservations
{
    private readonly Dictionary<byte[], HostReservation>[] byIdentifier;
    private readonly Dictionary<byte[], HostReservation>.AlternateLookup<ReadOnlySpan<byte>>[] lookups;
    private readonly Dictionary<uint, HostReservation> byAddress = [];

    internal SubnetReservations(Subnet4 subnet)
    {
        var kinds = Enum.GetValues<HostReservationIdentifier>().Length;
        byIdentifier = new Dictionary<byte[], HostReservation>[kinds];
        lookups = new Dictionary<byte[], HostReservation>.AlternateLookup<ReadOnlySpan<byte>>[kinds];
        for (var i = 0; i < kinds; i++)
        {
            byIdentifier[i] = new Dictionary<byte[], HostReservation>(ByteSequenceComparer.Instance);
            lookups[i] = byIdentifier[i].GetAlternateLookup<ReadOnlySpan<byte>>();
        }

        foreach (var reservation in subnet.Reservations)
        {
            (HostReservationIdentifier kind, ReadOnlyMemory<byte> value) identifier;
            try
            {
                identifier = reservation.Identifier;
            }
            catch (InvalidOperationException e)
            {
                throw new ConfigurationException($"subnet {subnet.Id}: reservations: {e.Message}", e);
            }

            if (!byIdentifier[(int)identifier.kind].TryAdd(identifier.value.ToArray(), reservation))
            {
                throw new ConfigurationException(
                    $"subnet {subnet.Id}: reservations: two reservations for {identifier.kind} {Convert.ToHexString(identifier.value.Span)}");
            }

            Count++;
            if (reservation.IpAddress is { } address)
            {
                if (!subnet.Contains(address))
                {
                    throw new ConfigurationException($"subnet {subnet.Id}: reservations: ip-address {address} is outside {subnet.Network}/{subnet.PrefixLength}");
                }

                if (!byAddress.TryAdd(address.Value, reservation))
                {
                    throw new ConfigurationException($"subnet {subnet.Id}: reservations: ip-address {address} is reserved twice");
                }
            }
        }
    }

    /// <summary>Number of reservations.</summary>
    public int Count { get; }

    /// <summary>Finds the reservation for an identifier of a kind, without allocating.</summary>
    public HostReservation? Find(HostReservationIdentifier kind, ReadOnlySpan<byte> identifier) =>
        !identifier.IsEmpty && lookups[(int)kind].TryGetValue(identifier, out var reservation) ? reservation : null;

    /// <summary>The reservation holding an address, or null.</summary>
    public HostReservation? FindByAddress(Ipv4Address address) => byAddress.GetValueOrDefault(address.Value);

    /// <summary>The reserved addresses (excluded from dynamic allocation for other clients).</summary>
    public IEnumerable<Ipv4Address> ReservedAddresses => byAddress.Keys.Select(v => new Ipv4Address(v));
}
