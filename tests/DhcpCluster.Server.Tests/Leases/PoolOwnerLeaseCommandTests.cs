using DhcpCluster.Actors;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Leases;
using DhcpCluster.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;
using static DhcpCluster.Server.Leases.PoolOwnerProtocol;

namespace DhcpCluster.Server.Tests.Leases;

/// <summary>The operator's lease commands at the pool owner: journalled, single owner per address, replayed at restart.</summary>
public sealed class PoolOwnerLeaseCommandTests(ITestOutputHelper output) : ServerTestKit(output)
{
    [Fact]
    public void An_added_lease_is_durable_counted_and_never_offered_to_another_client()
    {
        var owner = Owner(Configuration(poolSize: 2));
        var added = Ask(owner, new AddLease(OperatorLease("192.0.2.10", 7)));
        Assert.Equal(LeaseCommandOutcome.Done, added.Outcome);
        Assert.Equal(1, added.Count);
        Assert.Equal(1, Journal.Writes);
        Assert.Equal(1, CountLeaseRows());
        Assert.Equal(1, Statistics.Leases.Assigned(1));
        var durable = Assert.Single(Leases(owner).Durable);
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), durable.Address);
        Assert.Equal(ClientKey.FromHardwareAddress(1, Frames.Mac(7)), durable.HardwareAddress);

        var offer = Decide(owner, Frames.Discover(1));
        Assert.Equal(Ipv4Address.Parse("192.0.2.11"), offer.Address);

        // The same client's DISCOVER is offered its operator-added lease.
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), Decide(owner, Frames.Discover(7)).Address);
    }

    [Fact]
    public void Adding_an_address_held_by_a_client_or_an_offer_conflicts_and_outside_addresses_are_rejected()
    {
        var owner = Owner(Configuration(poolSize: 5));
        var bound = Bind(owner, 1);
        var conflict = Ask(owner, new AddLease(OperatorLease(bound.ToString(), 9)));
        Assert.Equal(LeaseCommandOutcome.Conflict, conflict.Outcome);
        Assert.Equal(ClientKey.FromHardwareAddress(1, Frames.Mac(1)), conflict.Lease!.Value.HardwareAddress);

        var offered = Decide(owner, Frames.Discover(2)).Address;
        Assert.Equal(LeaseCommandOutcome.Conflict, Ask(owner, new AddLease(OperatorLease(offered.ToString(), 9))).Outcome);

        var outside = Ask(owner, new AddLease(OperatorLease("198.51.100.10", 9)));
        Assert.Equal(LeaseCommandOutcome.Rejected, outside.Outcome);
        Assert.Contains("does not belong to subnet", outside.Problem, StringComparison.Ordinal);
        Assert.Equal(LeaseCommandOutcome.Rejected, Ask(owner, new AddLease(OperatorLease("192.0.2.20", 9) with { SubnetId = 5 })).Outcome);
        Assert.Equal(LeaseCommandOutcome.Rejected, Ask(owner, new AddLease(OperatorLease("192.0.2.20", 9) with { State = LeaseState.Released })).Outcome);
        Assert.Equal(1, Journal.Writes);
    }

    [Fact]
    public void Update_needs_a_lease_unless_forced_and_delete_frees_the_address()
    {
        var owner = Owner(Configuration(poolSize: 5));
        var bound = Bind(owner, 1);
        Assert.Equal(LeaseCommandOutcome.NotFound, Ask(owner, new UpdateLease(OperatorLease("192.0.2.12", 8), ForceCreate: false)).Outcome);
        var offered = Decide(owner, Frames.Discover(2)).Address;
        Assert.Equal(LeaseCommandOutcome.Conflict, Ask(owner, new UpdateLease(OperatorLease(offered.ToString(), 8), ForceCreate: true)).Outcome);
        Assert.Equal(LeaseCommandOutcome.Done, Ask(owner, new UpdateLease(OperatorLease("192.0.2.14", 8), ForceCreate: true)).Outcome);

        var moved = Ask(owner, new UpdateLease(OperatorLease(bound.ToString(), 8) with { ValidLifetime = 60, Expires = Now + 60 }, ForceCreate: false));
        Assert.Equal(LeaseCommandOutcome.Done, moved.Outcome);
        var lease = Leases(owner).Durable.Single(l => l.Address == bound);
        Assert.Equal(60u, lease.ValidLifetime);
        Assert.Equal(ClientKey.FromHardwareAddress(1, Frames.Mac(8)), lease.HardwareAddress);

        var deleted = Ask(owner, new DeleteLease(bound));
        Assert.Equal(LeaseCommandOutcome.Done, deleted.Outcome);
        Assert.Equal(LeaseCommandOutcome.NotFound, Ask(owner, new DeleteLease(bound)).Outcome);
        Assert.DoesNotContain(Leases(owner).Durable, l => l.Address == bound);
        Assert.Equal(1, CountLeaseRows());
        Assert.Equal(1, Statistics.Leases.Assigned(1));
    }

    [Fact]
    public void Wipe_deletes_every_durable_lease_and_a_restarted_owner_replays_the_commands()
    {
        var configuration = Configuration(poolSize: 10);
        var owner = Owner(configuration);
        Bind(owner, 1);
        Bind(owner, 2);
        Assert.Equal(LeaseCommandOutcome.Done, Ask(owner, new AddLease(OperatorLease("192.0.2.19", 9) with { State = LeaseState.Declined })).Outcome);
        Assert.Equal(1, Statistics.Leases.Declined(1));
        var wiped = Ask(owner, new WipeLeases(null));
        Assert.Equal(LeaseCommandOutcome.Done, wiped.Outcome);
        Assert.Equal(3, wiped.Count);
        Assert.Equal(0, CountLeaseRows());
        Assert.Equal(0, Statistics.Leases.Assigned(1));
        Assert.Equal(0, Statistics.Leases.Declined(1));
        Assert.Equal(0, Ask(owner, new WipeLeases(1)).Count);
        Assert.Equal(LeaseCommandOutcome.Done, Ask(owner, new AddLease(OperatorLease("192.0.2.15", 4))).Outcome);

        Watch(owner);
        Sys.Stop(owner);
        ExpectTerminated(owner);
        var restarted = Owner(configuration);
        var durable = Leases(restarted).Durable.Where(l => l.State == LeaseState.Bound).ToList();
        Assert.Equal(Ipv4Address.Parse("192.0.2.15"), Assert.Single(durable).Address);
        Assert.Equal(Ipv4Address.Parse("192.0.2.15"), Decide(restarted, Frames.Discover(4)).Address);
        Assert.NotEqual(Ipv4Address.Parse("192.0.2.15"), Decide(restarted, Frames.Discover(5)).Address);
    }

    [Fact]
    public void A_failed_journal_write_fails_the_command_and_leaves_the_address_as_it_was()
    {
        var owner = Owner(Configuration(poolSize: 1));
        Journal.Failing = true;
        var failed = Ask(owner, new AddLease(OperatorLease("192.0.2.10", 7)));
        Assert.Equal(LeaseCommandOutcome.Failed, failed.Outcome);
        Assert.Empty(Leases(owner).Durable);
        Assert.Empty(Leases(owner).Current);
        Journal.Failing = false;

        // The failed write put the owner in outage mode (no new address); its journal probe sees the database
        // healthy again within a probe interval of the failure.
        AwaitAssert(() => Assert.Equal(DhcpMessageType.Offer, Decide(owner, Frames.Discover(1)).ReplyType), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void The_subnet_gauges_follow_a_clients_decline_and_its_reclaim_after_probation()
    {
        var owner = Owner(Configuration(poolSize: 2, declineProbation: 600));
        var address = Bind(owner, 1);
        Assert.Equal(1, Statistics.Leases.Assigned(1));
        Decide(owner, Frames.Decline(1, address, ServerAddress));
        Assert.Equal(0, Statistics.Leases.Assigned(1));
        Assert.Equal(1, Statistics.Leases.Declined(1));

        Advance(TimeSpan.FromSeconds(601));
        owner.Tell(ReclaimExpired.Instance, TestActor);
        AwaitAssert(() => Assert.Equal(1, Statistics.LeasesExpired), TimeSpan.FromSeconds(10));
        Assert.Equal(1, Statistics.DeclinedReclaimed);
        Assert.Equal(0, Statistics.Leases.Declined(1));
    }

    private Lease OperatorLease(string address, int client) =>
        new(Ipv4Address.Parse(address), 1, ClientKey.FromHardwareAddress(1, Frames.Mac(client)), null, LeaseState.Bound, Now, Now + 3600, 3600, null);

    private LeaseCommandResult Ask(IActorRef owner, object command)
    {
        owner.Tell(command, TestActor);
        return ExpectMsg<LeaseCommandResult>(TimeSpan.FromSeconds(10));
    }

    private long CountLeaseRows()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {LeaseReadModel.TableName}";
        return (long)command.ExecuteScalar()!;
    }
}
