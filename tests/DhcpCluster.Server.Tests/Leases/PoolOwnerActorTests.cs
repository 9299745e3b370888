using DhcpCluster.Actors;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Leases;
using DhcpCluster.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace DhcpCluster.Server.Tests.Leases;

/// <summary>The pool owner: offers in memory, ACK after the durable write, fencing, recovery, reclamation, outages.</summary>
public sealed class PoolOwnerActorTests(ITestOutputHelper output) : ServerTestKit(output)
{
    [Fact]
    public void An_offer_holds_its_address_without_a_journal_write_until_the_offer_lifetime_ends()
    {
        var owner = Owner(Configuration(poolSize: 1, offerLifetime: 30));
        var first = Decide(owner, Frames.Discover(1));
        Assert.Equal(DhcpMessageType.Offer, first.ReplyType);
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), first.Address);
        Assert.Equal(0, Journal.Writes);

        var second = Decide(owner, Frames.Discover(2));
        Assert.Null(second.Reply);
        Assert.Equal(DecisionOutcome.DroppedNoAddress, second.Outcome);

        Advance(TimeSpan.FromSeconds(31));
        var later = Decide(owner, Frames.Discover(2));
        Assert.Equal(DhcpMessageType.Offer, later.ReplyType);
        Assert.Equal(first.Address, later.Address);
        Assert.Equal(0, Journal.Writes);
    }

    [Fact]
    public void The_ack_is_sent_only_after_the_lease_event_is_durable()
    {
        var owner = Owner(Configuration());
        var offer = Decide(owner, Frames.Discover(1));
        Journal.Hold();
        owner.Tell(new PoolOwnerProtocol.Decide(Packet(Frames.Select(1, offer.Address, ServerAddress), TestActor)), TestActor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, Journal.Writes);

        Journal.Release();
        var ack = ExpectMsg<PoolOwnerProtocol.Decided>(TimeSpan.FromSeconds(10));
        Assert.Equal(DhcpMessageType.Ack, ack.ReplyType);
        Assert.Equal(offer.Address, ack.Address);
        Assert.Equal(1, Journal.Writes);
        Assert.Equal(LeaseState.Bound, Assert.Single(Leases(owner).Durable).State);
    }

    [Fact]
    public void Many_clients_are_in_flight_at_once_and_their_writes_are_batched()
    {
        var owner = Owner(Configuration(poolSize: 50));
        var offers = Enumerable.Range(1, 20).Select(c => Decide(owner, Frames.Discover(c))).ToArray();
        Journal.Hold();
        for (var c = 1; c <= 20; c++)
        {
            owner.Tell(new PoolOwnerProtocol.Decide(Packet(Frames.Select(c, offers[c - 1].Address, ServerAddress), TestActor)), TestActor);
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Journal.Release();
        var acks = ReceiveN(20, TimeSpan.FromSeconds(10)).Cast<PoolOwnerProtocol.Decided>().ToArray();
        Assert.All(acks, a => Assert.Equal(DhcpMessageType.Ack, a.ReplyType));
        Assert.Equal(20, acks.Select(a => a.Address).Distinct().Count());
        Assert.Equal(20, Journal.Writes);
    }

    [Fact]
    public void A_restarted_owner_recovers_its_leases_and_never_gives_a_bound_address_to_another_client()
    {
        var configuration = Configuration(poolSize: 2);
        var owner = Owner(configuration);
        var bound = Bind(owner, 1);
        Watch(owner);
        Sys.Stop(owner);
        ExpectTerminated(owner);

        var restarted = Owner(configuration);
        var durable = Assert.Single(Leases(restarted).Durable);
        Assert.Equal(bound, durable.Address);
        var other = Decide(restarted, Frames.Discover(2));
        Assert.NotEqual(bound, other.Address);
        var again = Decide(restarted, Frames.Discover(1));
        Assert.Equal(bound, again.Address);
    }

    [Fact]
    public void A_stale_second_owner_of_the_same_domain_is_fenced_by_the_sequence_number()
    {
        var configuration = Configuration(poolSize: 10);
        var first = Owner(configuration);
        var stale = Owner(configuration);
        Assert.Empty(Leases(first).Durable);
        Assert.Empty(Leases(stale).Durable);

        Bind(first, 1);
        Watch(stale);
        var offer = Decide(stale, Frames.Discover(2));
        var refused = Decide(stale, Frames.Select(2, offer.Address, ServerAddress));
        Assert.Null(refused.Reply);
        ExpectTerminated(stale);
    }

    [Fact]
    public void Expired_leases_are_reclaimed_with_a_lease_expired_event_and_leave_the_lease_table()
    {
        var owner = Owner(Configuration(poolSize: 1, validLifetime: 100));
        var address = Bind(owner, 1);
        Assert.Equal(1, CountLeaseRows());
        Advance(TimeSpan.FromSeconds(101));
        owner.Tell(PoolOwnerProtocol.ReclaimExpired.Instance, TestActor);
        AwaitAssert(() => Assert.Equal(1, Statistics.LeasesExpired), TimeSpan.FromSeconds(10));
        Assert.Equal(LeaseState.Expired, Assert.Single(Leases(owner).Durable).State);
        Assert.Equal(0, CountLeaseRows());
        Assert.Equal(2, Journal.Writes);

        var next = Decide(owner, Frames.Discover(2));
        Assert.Equal(address, next.Address);
    }

    [Fact]
    public void A_declined_address_is_on_probation_and_offered_again_only_after_it()
    {
        var owner = Owner(Configuration(poolSize: 1, declineProbation: 600));
        var address = Bind(owner, 1);
        var declined = Decide(owner, Frames.Decline(1, address, ServerAddress));
        Assert.Equal(DecisionOutcome.Declined, declined.Outcome);
        Assert.Null(declined.Reply);
        Assert.Equal(LeaseState.Declined, Assert.Single(Leases(owner).Durable).State);

        Assert.Null(Decide(owner, Frames.Discover(2)).Reply);
        Advance(TimeSpan.FromSeconds(601));
        owner.Tell(PoolOwnerProtocol.ReclaimExpired.Instance, TestActor);
        AwaitAssert(() => Assert.Equal(1, Statistics.LeasesExpired), TimeSpan.FromSeconds(10));
        Assert.Equal(address, Decide(owner, Frames.Discover(2)).Address);
    }

    [Fact]
    public void During_an_outage_known_clients_get_at_most_their_durable_expiry_and_new_clients_get_nothing()
    {
        var owner = Owner(Configuration(poolSize: 10, validLifetime: 3600));
        var address = Bind(owner, 1);
        Advance(TimeSpan.FromSeconds(1000));
        Journal.Failing = true;

        var renewed = Decide(owner, Frames.Renew(1, address));
        Assert.Equal(DhcpMessageType.Ack, renewed.ReplyType);
        Assert.Equal(2600u, renewed.LeaseTime);
        var reply = new DhcpPacket();
        Assert.True(DhcpPacket.TryParse(renewed.Reply, reply, out _));
        Assert.True(reply.TryGetOption(51, out var leaseTime));
        Assert.Equal(2600u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(leaseTime));
        Assert.Equal(1, Statistics.AnsweredFromDurableState);

        var offerToNew = Decide(owner, Frames.Discover(2));
        Assert.Null(offerToNew.Reply);
        var offerToKnown = Decide(owner, Frames.Discover(1));
        Assert.Equal(address, offerToKnown.Address);
        Assert.True(offerToKnown.LeaseTime <= 2600);

        Journal.Failing = false;
        var recovered = Decide(owner, Frames.Renew(1, address));
        Assert.Equal(3600u, recovered.LeaseTime);
        var newClient = Decide(owner, Frames.Discover(2));
        Assert.Equal(DhcpMessageType.Offer, newClient.ReplyType);
        Assert.Equal(DhcpMessageType.Ack, Decide(owner, Frames.Select(2, newClient.Address, ServerAddress)).ReplyType);
        Assert.True(Statistics.JournalFailures >= 1);
        Assert.Equal(Now + 3600, Assert.Single(Leases(owner).Durable, l => l.Address == address).Expires);
    }

    [Fact]
    public void A_new_client_whose_bind_fails_is_not_acknowledged_and_its_address_is_free_again()
    {
        var owner = Owner(Configuration(poolSize: 1));
        var offer = Decide(owner, Frames.Discover(1));
        Journal.Failing = true;
        var refused = Decide(owner, Frames.Select(1, offer.Address, ServerAddress));
        Assert.Null(refused.Reply);
        Assert.Equal(1, Statistics.RefusedDuringOutage);
        Assert.Empty(Leases(owner).Durable);
        Assert.DoesNotContain(Leases(owner).Current, l => l.State == LeaseState.Bound);
    }

    [Fact]
    public void A_failed_write_while_the_database_stays_reachable_does_not_refuse_new_clients_for_ever()
    {
        // A stale pooled connection after a database restart: one write fails, the health stays Connected, and only
        // new clients arrive (no write of a known client would clear the outage).
        var owner = Owner(Configuration(poolSize: 10));
        var offer = Decide(owner, Frames.Discover(1));
        Journal.Failing = true;
        Assert.Null(Decide(owner, Frames.Select(1, offer.Address, ServerAddress)).Reply);
        Journal.Failing = false;

        AwaitAssert(() => Assert.Equal(DhcpMessageType.Offer, Decide(owner, Frames.Discover(2)).ReplyType), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
        var newClient = Decide(owner, Frames.Discover(3));
        Assert.Equal(DhcpMessageType.Ack, Decide(owner, Frames.Select(3, newClient.Address, ServerAddress)).ReplyType);
        Assert.Equal(1, Statistics.JournalFailures);
    }

    [Fact]
    public void Kea_leases_are_imported_once_into_an_empty_journal_and_are_honoured()
    {
        var configuration = Configuration(poolSize: 3);
        var owner = Owner(configuration);
        var held = new Lease(
            Ipv4Address.Parse("192.0.2.10"), 1, ClientKey.FromHardwareAddress(1, Frames.Mac(7)), null, LeaseState.Bound, Now - 100, Now + 3500, 3600, "kea-host");
        var expired = held with { Address = Ipv4Address.Parse("192.0.2.11"), Expires = Now - 1 };
        var otherSubnet = held with { Address = Ipv4Address.Parse("198.51.100.10"), SubnetId = 9 };
        owner.Tell(new PoolOwnerProtocol.ImportLeases("kea-leases4.csv", [held, expired, otherSubnet]), TestActor);

        AwaitAssert(() => Assert.Equal(held.Address, Assert.Single(Leases(owner).Durable).Address), TimeSpan.FromSeconds(10));
        Assert.Equal(1, CountLeaseRows());
        Assert.NotEqual(held.Address, Decide(owner, Frames.Discover(1)).Address);
        Assert.Equal(held.Address, Decide(owner, Frames.Discover(7)).Address);

        // Restarted: the journal holds the import, so the file is not imported again (a lease added to it is ignored).
        Watch(owner);
        Sys.Stop(owner);
        ExpectTerminated(owner);
        var restarted = Owner(configuration);
        restarted.Tell(new PoolOwnerProtocol.ImportLeases("kea-leases4.csv", [held, held with { Address = Ipv4Address.Parse("192.0.2.12") }]), TestActor);
        var durable = Assert.Single(Leases(restarted).Durable);
        Assert.Equal(held.Address, durable.Address);
        Assert.Equal(held.Owner, durable.Owner);
        Assert.Equal(1, CountLeaseRows());
        Assert.Equal(0, Statistics.LeasesBound);
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
