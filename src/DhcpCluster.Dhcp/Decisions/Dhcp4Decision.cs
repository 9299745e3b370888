using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>
/// The outcome of deciding on one request: the reply to send (header fields and the ordered option list, ready for
/// <see cref="ReplyWriter"/>), where to send it, and the lease change to persist first. One instance is reused per
/// engine, so deciding allocates nothing; it is valid until the next decision.
/// </summary>
public sealed class Dhcp4Decision
{
    private readonly byte[] order = new byte[256];
    private readonly OptionSlot[] slots = new OptionSlot[256];
    private readonly byte[] fqdn = new byte[258];

    /// <summary>The request's message type.</summary>
    public DhcpMessageType RequestType { get; internal set; }

    /// <summary>For a DHCPREQUEST, the client state it came from (RFC 2131 §4.3.2).</summary>
    public ClientState ClientState { get; internal set; }

    /// <summary>Why the decision came out as it did.</summary>
    public DecisionOutcome Outcome { get; internal set; }

    /// <summary>The reply to send.</summary>
    public ReplyKind Reply { get; internal set; }

    /// <summary>Where to send the reply.</summary>
    public ReplyDestination Destination { get; internal set; }

    /// <summary>The lease change to persist before replying.</summary>
    public LeaseChangeKind Change { get; internal set; }

    /// <summary>The lease after the change (meaningful when <see cref="Change"/> is not None).</summary>
    public Lease Lease { get; internal set; }

    /// <summary>The client as recognised.</summary>
    public ClientIdentity Client { get; internal set; }

    /// <summary>The selected subnet, if any.</summary>
    public Subnet4? Subnet { get; internal set; }

    /// <summary>The pool of the address, if any.</summary>
    public Pool4? Pool { get; internal set; }

    /// <summary>The client's host reservation, if any.</summary>
    public HostReservation? Reservation { get; internal set; }

    /// <summary>yiaddr.</summary>
    public Ipv4Address YourAddress { get; internal set; }

    /// <summary>ciaddr of the reply (copied for RENEWING/REBINDING/INFORM).</summary>
    public Ipv4Address ClientAddress { get; internal set; }

    /// <summary>siaddr: <c>next-server</c>.</summary>
    public Ipv4Address NextServer { get; internal set; }

    /// <summary>Option 54 of the reply.</summary>
    public Ipv4Address ServerIdentifier { get; internal set; }

    /// <summary>sname: <c>server-hostname</c>, ASCII; empty for none.</summary>
    public ReadOnlyMemory<byte> ServerHostname { get; internal set; }

    /// <summary>file: <c>boot-file-name</c>, ASCII; empty for none.</summary>
    public ReadOnlyMemory<byte> BootFileName { get; internal set; }

    /// <summary>Option 12 value, if any.</summary>
    public ReadOnlyMemory<byte> Hostname { get; internal set; }

    /// <summary>Option 81 of the reply (RFC 4702), built from the client's; empty for none.</summary>
    public ReadOnlyMemory<byte> ClientFqdn { get; private set; }

    /// <summary>Option 51 (seconds).</summary>
    public uint LeaseTime { get; internal set; }

    /// <summary>Option 58 (seconds).</summary>
    public uint RenewalTime { get; internal set; }

    /// <summary>Option 59 (seconds).</summary>
    public uint RebindingTime { get; internal set; }

    /// <summary>The subnet mask for option 1 when not configured.</summary>
    public uint SubnetMask { get; internal set; }

    /// <summary>Whether the reply must carry the broadcast flag (a relayed DHCPNAK, RFC 2131 §4.3.2).</summary>
    public bool SetBroadcastFlag { get; internal set; }

    /// <summary>Number of options in the reply after 53.</summary>
    public int OptionCount { get; private set; }

    /// <summary>The option codes in the order they are written.</summary>
    public ReadOnlySpan<byte> OptionOrder => order.AsSpan(0, OptionCount);

    /// <summary>Where an option's value comes from.</summary>
    public ReplyOptionSource SourceOf(byte code) => slots[code].Source;

    /// <summary>The configured value of an option (for <see cref="ReplyOptionSource.Configured"/>).</summary>
    public ReadOnlyMemory<byte> ConfiguredValue(byte code) => slots[code].Value;

    /// <summary>Whether the reply carries the option.</summary>
    public bool Contains(byte code) => slots[code].Added;

    /// <summary>
    /// Grants at most <paramref name="maxSeconds"/> (for example a lease's already durable expiry while the lease
    /// database is unreachable): lowers the lease time and the lease's expiry, and T1/T2 with it so that
    /// T1 &lt;= T2 &lt;= lease time. No effect when the grant is already shorter or there is no lease time.
    /// </summary>
    public void LimitLeaseTime(uint maxSeconds)
    {
        if (LeaseTime == 0 || maxSeconds >= LeaseTime)
        {
            return;
        }

        LeaseTime = maxSeconds;
        RebindingTime = Math.Min(RebindingTime, maxSeconds * 7 / 8);
        RenewalTime = Math.Min(RenewalTime, maxSeconds / 2);
        if (Change != LeaseChangeKind.None)
        {
            Lease = Lease with { Expires = Math.Min(Lease.Expires, Lease.Start + maxSeconds), ValidLifetime = maxSeconds };
        }
    }

    internal void Reset()
    {
        for (var i = 0; i < OptionCount; i++)
        {
            slots[order[i]] = default;
        }

        OptionCount = 0;
        RequestType = DhcpMessageType.None;
        ClientState = ClientState.None;
        Outcome = DecisionOutcome.None;
        Reply = ReplyKind.None;
        Destination = default;
        Change = LeaseChangeKind.None;
        Lease = default;
        Client = default;
        Subnet = null;
        Pool = null;
        Reservation = null;
        YourAddress = default;
        ClientAddress = default;
        NextServer = default;
        ServerIdentifier = default;
        ServerHostname = default;
        BootFileName = default;
        Hostname = default;
        ClientFqdn = default;
        LeaseTime = 0;
        RenewalTime = 0;
        RebindingTime = 0;
        SubnetMask = 0;
        SetBroadcastFlag = false;
    }

    /// <summary>
    /// Builds the RFC 4702 §4 answer to a client FQDN option as Kea answers when it does no DNS update: N set, O set
    /// when the client asked the server to update (S), E as the client's, RCODEs 0, and the client's name, an ASCII
    /// name made fully qualified with a trailing dot. Returns the name as it is answered.
    /// </summary>
    internal ReadOnlySpan<byte> SetClientFqdn(ReadOnlySpan<byte> request)
    {
        if (request.Length < 3)
        {
            return [];
        }

        var flags = request[0];
        var encoded = (flags & 0x04) != 0;
        var name = request[3..];
        var reply = (byte)(0x08 | ((flags & 0x01) != 0 ? 0x02 : 0) | (encoded ? 0x04 : 0));
        fqdn[0] = reply;
        fqdn[1] = 0;
        fqdn[2] = 0;
        var length = Math.Min(name.Length, fqdn.Length - 4);
        name[..length].CopyTo(fqdn.AsSpan(3));
        var total = 3 + length;
        if (!encoded && length > 0 && name[length - 1] != (byte)'.')
        {
            fqdn[total++] = (byte)'.';
        }

        ClientFqdn = fqdn.AsMemory(0, total);
        return fqdn.AsSpan(3, total - 3);
    }

    internal bool Add(byte code, ReplyOptionSource source, ReadOnlyMemory<byte> value = default)
    {
        ref var slot = ref slots[code];
        if (slot.Added)
        {
            return false;
        }

        slot = new OptionSlot(true, source, value);
        order[OptionCount++] = code;
        return true;
    }

    /// <summary>One option of the reply: whether it is in, where its value comes from, and the configured value.</summary>
    private readonly record struct OptionSlot(bool Added, ReplyOptionSource Source, ReadOnlyMemory<byte> Value);
}
