using System.Buffers.Binary;
using DhcpCluster.Dhcp.Identity;

namespace DhcpCluster.Dhcp.Leases;

/// <summary>
/// One lease record of a pool as 72 bytes without references: the times, the subnet, the address's offset in its
/// pool, the hardware key (type and chaddr, up to <see cref="InlineKeyBytes"/> bytes) and the client identifier (up to
/// <see cref="InlineKeyBytes"/> bytes) inline. A lease that does not fit (a longer key) is kept whole elsewhere and
/// its slot is marked <see cref="Irregular"/>; a hostname is kept beside the slot (<see cref="HasHostname"/>). A slot
/// also remembers the expiry its address is queued at, which may outlive the lease record.
/// </summary>
internal struct LeaseSlot
{
    /// <summary>Most key bytes held inline.</summary>
    public const int InlineKeyBytes = 16;

    /// <summary>The slot holds a lease record.</summary>
    public const byte Occupied = 1;

    /// <summary>The address is in the expiry queue at <see cref="QueuedExpiry"/>.</summary>
    public const byte Queued = 2;

    /// <summary>The lease did not fit: it is kept whole in the pool's irregular leases.</summary>
    public const byte Irregular = 4;

    /// <summary>The lease has a hostname, kept in the pool's hostnames.</summary>
    public const byte HasHostname = 8;

    /// <summary>The hardware key is set (a declined lease has none).</summary>
    public const byte HasHardware = 16;

    /// <summary>The lease has a client identifier.</summary>
    public const byte HasClientId = 32;

    public long Start;
    public long Expires;
    public long QueuedExpiry;
    public ulong Hardware0;
    public ulong Hardware1;
    public ulong ClientId0;
    public ulong ClientId1;
    public uint SubnetId;
    public uint ValidLifetime;
    public int Offset;
    public byte HardwareLength;
    public byte ClientIdLength;
    public LeaseState State;
    public byte Flags;

    public readonly bool IsOccupied => (Flags & Occupied) != 0;

    public readonly bool IsQueued => (Flags & Queued) != 0;

    /// <summary>Whether a lease can be held inline (else it is kept whole).</summary>
    public static bool Fits(in Lease lease) =>
        (lease.HardwareAddress.IsEmpty || (lease.HardwareAddress.Kind == ClientKeyKind.HardwareAddress && lease.HardwareAddress.Length <= InlineKeyBytes))
        && (lease.ClientIdentifier is not { } id || (id.Kind == ClientKeyKind.ClientIdentifier && id.Length <= InlineKeyBytes));

    /// <summary>Stores a lease that <see cref="Fits"/> (the queue fields are kept).</summary>
    public void Pack(in Lease lease, int offset)
    {
        Start = lease.Start;
        Expires = lease.Expires;
        SubnetId = lease.SubnetId;
        ValidLifetime = lease.ValidLifetime;
        Offset = offset;
        State = lease.State;
        var flags = (byte)((Flags & Queued) | Occupied);
        Span<byte> bytes = stackalloc byte[InlineKeyBytes];
        if (!lease.HardwareAddress.IsEmpty)
        {
            flags |= HasHardware;
            bytes.Clear();
            HardwareLength = (byte)lease.HardwareAddress.CopyTo(bytes);
            Hardware0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            Hardware1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        }
        else
        {
            HardwareLength = 0;
            Hardware0 = Hardware1 = 0;
        }

        if (lease.ClientIdentifier is { } id)
        {
            flags |= HasClientId;
            bytes.Clear();
            ClientIdLength = (byte)id.CopyTo(bytes);
            ClientId0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            ClientId1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        }
        else
        {
            ClientIdLength = 0;
            ClientId0 = ClientId1 = 0;
        }

        if (lease.Hostname is not null)
        {
            flags |= HasHostname;
        }

        Flags = flags;
    }

    /// <summary>Marks the slot as holding a lease kept whole elsewhere (its state and times are kept here too).</summary>
    public void MarkIrregular(in Lease lease, int offset)
    {
        Offset = offset;
        State = lease.State;
        Start = lease.Start;
        Expires = lease.Expires;
        Flags = (byte)((Flags & Queued) | Occupied | Irregular);
    }

    /// <summary>Forgets the lease record (the queue fields are kept).</summary>
    public void Clear() => Flags &= Queued;

    /// <summary>The lease of a packed slot; <paramref name="hostname"/> is the one kept beside it.</summary>
    public readonly Lease Unpack(Ipv4Address first, string? hostname)
    {
        Span<byte> bytes = stackalloc byte[InlineKeyBytes];
        var hardware = default(ClientKey);
        if ((Flags & HasHardware) != 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, Hardware0);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], Hardware1);
            hardware = ClientKey.FromHardwareAddress(bytes[0], bytes[1..HardwareLength]);
        }

        ClientKey? clientId = null;
        if ((Flags & HasClientId) != 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, ClientId0);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], ClientId1);
            clientId = ClientKey.FromClientIdentifier(bytes[..ClientIdLength]);
        }

        return new Lease(first + Offset, SubnetId, hardware, clientId, State, Start, Expires, ValidLifetime, hostname);
    }
}
