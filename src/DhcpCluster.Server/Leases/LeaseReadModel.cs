using DhcpCluster.Actors.Persistence.ReadModels;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Server.Leases;

/// <summary>
/// The lease table committed with the lease events: one row per active lease (bound, or declined and on
/// probation), keyed by address so an address is unique among active leases; released and expired leases leave it.
/// </summary>
public static class LeaseReadModel
{
    /// <summary>The table name.</summary>
    public const string TableName = "dhcp4_lease";

    /// <summary>The table: address, hwaddr, client_id, hostname, valid_lifetime, expires, subnet_id, state.</summary>
    public static ReadModelTable Table { get; } = new(
        TableName,
        [
            new ReadModelColumn("address", ReadModelColumnType.Integer),
            new ReadModelColumn("hwaddr", ReadModelColumnType.Text, Nullable: true),
            new ReadModelColumn("client_id", ReadModelColumnType.Text, Nullable: true),
            new ReadModelColumn("hostname", ReadModelColumnType.Text, Nullable: true),
            new ReadModelColumn("valid_lifetime", ReadModelColumnType.Integer),
            new ReadModelColumn("expires", ReadModelColumnType.Integer),
            new ReadModelColumn("subnet_id", ReadModelColumnType.Integer),
            new ReadModelColumn("state", ReadModelColumnType.Text),
        ],
        ["address"],
        indexes: [["hwaddr"], ["client_id"], ["expires"]]);

    /// <summary>The row change for a lease after an event.</summary>
    public static ReadModelChange ChangeFor(in Lease lease) =>
        lease.State is LeaseState.Bound or LeaseState.Declined
            ? ReadModelChange.Upsert(
                TableName,
                (long)lease.Address.Value,
                lease.HardwareAddress.IsEmpty ? null : lease.HardwareAddress.ToString(),
                lease.ClientIdentifier?.ToString(),
                lease.Hostname,
                (long)lease.ValidLifetime,
                lease.Expires,
                (long)lease.SubnetId,
                lease.State == LeaseState.Bound ? "bound" : "declined")
            : ReadModelChange.Delete(TableName, (long)lease.Address.Value);
}
