using System.Buffers.Binary;
using System.Text;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Leases.Events;
using Google.Protobuf;

namespace DhcpCluster.Server.Leases;

/// <summary>
/// A pool owner's snapshot in packed form (<see cref="PoolOwnerSnapshot.PackedLeases"/>): one byte array for all
/// leases instead of a message with two byte strings per lease, so a million-lease snapshot is written and read
/// without an object per lease. The layout is in lease_events.proto.
/// </summary>
public static class LeaseSnapshots
{
    private const byte FormatVersion = 1;
    private const int FixedBytes = 4 + 4 + 4 + 8 + 8 + 1 + 1 + 1 + 2;

    /// <summary>The snapshot of <paramref name="leases"/> (none may be an offer).</summary>
    /// <exception cref="ArgumentException">A lease is an offer.</exception>
    public static PoolOwnerSnapshot Pack(IReadOnlyCollection<Lease> leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        return Pack(leases, leases.Count);
    }

    /// <summary>The snapshot of <paramref name="leases"/>, about <paramref name="count"/> of them (none may be an offer).</summary>
    /// <exception cref="ArgumentException">A lease is an offer.</exception>
    public static PoolOwnerSnapshot Pack(IEnumerable<Lease> leases, int count)
    {
        ArgumentNullException.ThrowIfNull(leases);
        var buffer = new byte[1 + (Math.Max(count, 0) * (FixedBytes + 8))];
        buffer[0] = FormatVersion;
        var at = 1;
        Span<byte> key = stackalloc byte[255];
        foreach (var lease in leases)
        {
            var hardware = lease.HardwareAddress.IsEmpty ? 0 : lease.HardwareAddress.Length;
            var clientId = lease.ClientIdentifier?.Length ?? 0;
            var hostname = lease.Hostname is { } name ? Encoding.UTF8.GetByteCount(name) : 0;
            var size = FixedBytes + hardware + clientId + hostname;
            if (at + size > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, at + size));
            }

            var span = buffer.AsSpan(at);
            BinaryPrimitives.WriteUInt32LittleEndian(span, lease.Address.Value);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], lease.SubnetId);
            BinaryPrimitives.WriteUInt32LittleEndian(span[8..], lease.ValidLifetime);
            BinaryPrimitives.WriteInt64LittleEndian(span[12..], lease.Start);
            BinaryPrimitives.WriteInt64LittleEndian(span[20..], lease.Expires);
            span[28] = (byte)StateOf(lease.State);
            span[29] = (byte)hardware;
            var offset = 30;
            if (hardware > 0)
            {
                lease.HardwareAddress.CopyTo(span[offset..]);
                offset += hardware;
            }

            span[offset++] = (byte)clientId;
            if (lease.ClientIdentifier is { } id)
            {
                id.CopyTo(key);
                key[..clientId].CopyTo(span[offset..]);
                offset += clientId;
            }

            BinaryPrimitives.WriteUInt16LittleEndian(span[offset..], checked((ushort)hostname));
            offset += 2;
            if (lease.Hostname is { } text)
            {
                Encoding.UTF8.GetBytes(text, span[offset..]);
                offset += hostname;
            }

            at += offset;
        }

        return new PoolOwnerSnapshot { PackedLeases = UnsafeByteOperations.UnsafeWrap(buffer.AsMemory(0, at)) };
    }

    /// <summary>Calls <paramref name="apply"/> with every lease of a snapshot, packed or (older snapshots) one record per lease.</summary>
    /// <exception cref="FormatException">The packed leases are malformed.</exception>
    public static void Unpack(PoolOwnerSnapshot snapshot, Action<Lease> apply)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(apply);
        foreach (var record in snapshot.Leases)
        {
            apply(LeaseRecords.FromRecord(record));
        }

        if (snapshot.PackedLeases.IsEmpty)
        {
            return;
        }

        var data = snapshot.PackedLeases.Span;
        if (data[0] != FormatVersion)
        {
            throw new FormatException($"packed lease snapshot format {data[0]} is not {FormatVersion}");
        }

        var at = 1;
        while (at < data.Length)
        {
            apply(Read(data, ref at));
        }
    }

    private static Lease Read(ReadOnlySpan<byte> data, ref int at)
    {
        if (data.Length - at < FixedBytes)
        {
            throw new FormatException("packed lease snapshot ends inside a lease");
        }

        var span = data[at..];
        var address = new Ipv4Address(BinaryPrimitives.ReadUInt32LittleEndian(span));
        var subnetId = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
        var valid = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
        var start = BinaryPrimitives.ReadInt64LittleEndian(span[12..]);
        var expires = BinaryPrimitives.ReadInt64LittleEndian(span[20..]);
        var state = span[28] switch
        {
            (byte)LeaseRecordState.Bound => LeaseState.Bound,
            (byte)LeaseRecordState.Expired => LeaseState.Expired,
            (byte)LeaseRecordState.Released => LeaseState.Released,
            (byte)LeaseRecordState.Declined => LeaseState.Declined,
            _ => throw new FormatException($"packed lease snapshot: unknown state {span[28]}"),
        };
        int hardwareLength = span[29];
        var offset = 30;
        var hardware = default(ClientKey);
        if (hardwareLength > 0)
        {
            hardware = ClientKey.FromHardwareAddress(span[offset], Slice(span, offset + 1, hardwareLength - 1));
            offset += hardwareLength;
        }

        int clientIdLength = Slice(span, offset, 1)[0];
        offset++;
        ClientKey? clientId = clientIdLength > 0 ? ClientKey.FromClientIdentifier(Slice(span, offset, clientIdLength)) : null;
        offset += clientIdLength;
        int hostnameLength = BinaryPrimitives.ReadUInt16LittleEndian(Slice(span, offset, 2));
        offset += 2;
        var hostname = hostnameLength > 0 ? Encoding.UTF8.GetString(Slice(span, offset, hostnameLength)) : null;
        at += offset + hostnameLength;
        return new Lease(address, subnetId, hardware, clientId, state, start, expires, valid, hostname);
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> span, int start, int length) =>
        start + length <= span.Length ? span.Slice(start, length) : throw new FormatException("packed lease snapshot ends inside a lease");

    private static LeaseRecordState StateOf(LeaseState state) => state switch
    {
        LeaseState.Bound => LeaseRecordState.Bound,
        LeaseState.Expired => LeaseRecordState.Expired,
        LeaseState.Released => LeaseRecordState.Released,
        LeaseState.Declined => LeaseRecordState.Declined,
        _ => throw new ArgumentException($"a lease in state {state} is not journalled", nameof(state)),
    };
}
