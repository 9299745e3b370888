using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Leases.Events;
using Google.Protobuf;

namespace DhcpCluster.Server.Leases;

/// <summary>Converts leases to and from their journal form (<see cref="LeaseRecord"/>).</summary>
public static class LeaseRecords
{
    /// <summary>The journal form of a lease (an offer is never journalled).</summary>
    /// <exception cref="ArgumentException">The lease is an offer.</exception>
    public static LeaseRecord ToRecord(in Lease lease)
    {
        var record = new LeaseRecord
        {
            Address = lease.Address.Value,
            // The arrays are fresh and never written again: wrapped, not copied a second time.
            HardwareAddress = lease.HardwareAddress.IsEmpty ? ByteString.Empty : UnsafeByteOperations.UnsafeWrap(lease.HardwareAddress.ToArray()),
            ClientId = lease.ClientIdentifier is { } id ? UnsafeByteOperations.UnsafeWrap(id.ToArray()) : ByteString.Empty,
            ValidLifetime = lease.ValidLifetime,
            Start = lease.Start,
            Expires = lease.Expires,
            SubnetId = lease.SubnetId,
            Hostname = lease.Hostname ?? string.Empty,
            State = lease.State switch
            {
                LeaseState.Bound => LeaseRecordState.Bound,
                LeaseState.Expired => LeaseRecordState.Expired,
                LeaseState.Released => LeaseRecordState.Released,
                LeaseState.Declined => LeaseRecordState.Declined,
                _ => throw new ArgumentException($"a lease in state {lease.State} is not journalled", nameof(lease)),
            },
        };
        return record;
    }

    /// <summary>The lease a journal record describes.</summary>
    /// <exception cref="ArgumentException">The record is malformed (a hardware address without its type byte).</exception>
    public static Lease FromRecord(LeaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var hardware = default(ClientKey);
        if (!record.HardwareAddress.IsEmpty)
        {
            var bytes = record.HardwareAddress.Span;
            hardware = ClientKey.FromHardwareAddress(bytes[0], bytes[1..]);
        }

        ClientKey? clientId = record.ClientId.IsEmpty ? null : ClientKey.FromClientIdentifier(record.ClientId.Span);
        var state = record.State switch
        {
            LeaseRecordState.Bound => LeaseState.Bound,
            LeaseRecordState.Expired => LeaseState.Expired,
            LeaseRecordState.Released => LeaseState.Released,
            LeaseRecordState.Declined => LeaseState.Declined,
            _ => throw new ArgumentException($"unknown lease record state {record.State}", nameof(record)),
        };
        return new Lease(
            new Ipv4Address(record.Address), record.SubnetId, hardware, clientId, state, record.Start, record.Expires, record.ValidLifetime,
            record.Hostname.Length == 0 ? null : record.Hostname);
    }
}
