using System.Globalization;
using DhcpCluster.Actors;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Leases.Events;
using static DhcpCluster.Server.Leases.PoolOwnerProtocol;

namespace DhcpCluster.Server.Leases;

/// <summary>
/// The operator's lease commands at the owner: every change is a journalled event (<see cref="LeaseSetByCommand"/>,
/// <see cref="LeaseDeletedByCommand"/>) written in the same pipeline as the clients' lease events, so the client
/// actors and the commands see one history and a restart replays both.
/// </summary>
public sealed partial class PoolOwnerActor
{
    private void OnAddLease(AddLease add)
    {
        var lease = add.Lease;
        if (CommandProblem(lease) is { } problem)
        {
            Sender.Tell(new LeaseCommandResult(LeaseCommandOutcome.Rejected, Problem: problem), Self);
            return;
        }

        if (store.TryGetLease(lease.Address, out var existing) && existing.HoldsAddress(settings.Clock()))
        {
            Sender.Tell(new LeaseCommandResult(LeaseCommandOutcome.Conflict, existing), Self);
            return;
        }

        WriteSet(lease, new LeaseCommandProgress(Sender, 1));
    }

    private void OnUpdateLease(UpdateLease update)
    {
        var lease = update.Lease;
        if (CommandProblem(lease) is { } problem)
        {
            Sender.Tell(new LeaseCommandResult(LeaseCommandOutcome.Rejected, Problem: problem), Self);
            return;
        }

        if (!HasActiveDurableLease(lease.Address, out _))
        {
            if (!update.ForceCreate)
            {
                Sender.Tell(new LeaseCommandResult(LeaseCommandOutcome.NotFound), Self);
                return;
            }

            if (store.TryGetLease(lease.Address, out var held) && held.HoldsAddress(settings.Clock()) && held.Owner != lease.Owner)
            {
                Sender.Tell(new LeaseCommandResult(LeaseCommandOutcome.Conflict, held), Self);
                return;
            }
        }

        WriteSet(lease, new LeaseCommandProgress(Sender, 1));
    }

    private void OnDeleteLease(DeleteLease delete)
    {
        if (!HasActiveDurableLease(delete.Address, out var lease))
        {
            Sender.Tell(new LeaseCommandResult(LeaseCommandOutcome.NotFound), Self);
            return;
        }

        WriteDelete(lease, new LeaseCommandProgress(Sender, 1));
    }

    private void OnWipeLeases(WipeLeases wipe)
    {
        var doomed = durable.All()
            .Where(l => l.State is LeaseState.Bound or LeaseState.Declined && (wipe.SubnetId is not { } id || l.SubnetId == id))
            .ToList();
        if (doomed.Count == 0)
        {
            Sender.Tell(new LeaseCommandResult(LeaseCommandOutcome.Done), Self);
            return;
        }

        var progress = new LeaseCommandProgress(Sender, doomed.Count);
        foreach (var lease in doomed)
        {
            WriteDelete(lease, progress);
        }
    }

    private string? CommandProblem(in Lease lease)
    {
        var subnet = configuration.FindSubnet(lease.SubnetId);
        if (subnet is null || !domain.Owns(subnet))
        {
            return string.Create(CultureInfo.InvariantCulture, $"subnet-id {lease.SubnetId} is not owned by {PersistenceId}");
        }

        if (!subnet.Contains(lease.Address))
        {
            return string.Create(CultureInfo.InvariantCulture, $"The address {lease.Address} does not belong to subnet {subnet.Network}/{subnet.PrefixLength}, subnet-id={subnet.Id}");
        }

        return lease.State is LeaseState.Bound or LeaseState.Declined
            ? null
            : $"a lease in state {lease.State} cannot be stored by a command (assigned or declined only)";
    }

    private bool HasActiveDurableLease(Ipv4Address address, out Lease lease) =>
        durable.TryGet(address, out lease) && lease.State is LeaseState.Bound or LeaseState.Declined;

    private void WriteSet(in Lease lease, LeaseCommandProgress progress)
    {
        store.Put(lease);
        pending.Enqueue(new PendingWrite(null, null, lease, WriteKind.Set, progress));
        PersistAsync(new LeaseSetByCommand { Lease = LeaseRecords.ToRecord(lease) }, [LeaseReadModel.ChangeFor(lease)], OnPersisted);
    }

    private void WriteDelete(in Lease lease, LeaseCommandProgress progress)
    {
        store.Remove(lease.Address);
        pending.Enqueue(new PendingWrite(null, null, lease, WriteKind.Delete, progress));
        PersistAsync(new LeaseDeletedByCommand { Lease = LeaseRecords.ToRecord(lease) }, [LeaseReadModel.ChangeFor(lease with { State = LeaseState.Released })], OnPersisted);
    }

    private void RecoverDeleted(LeaseRecord record)
    {
        var address = new Ipv4Address(record.Address);
        RemoveDurable(address);
        store.Remove(address);
        durable.Settle(address);
    }

    /// <summary>One command's writes (one, or many for a wipe): the answer goes out when the last is durable or failed.</summary>
    private sealed class LeaseCommandProgress(IActorRef replyTo, int writes)
    {
        private int remaining = writes;
        private int written;
        private Lease? last;
        private string? problem;

        public void Succeeded(in Lease lease, IActorRef self)
        {
            written++;
            last = lease;
            Finish(self);
        }

        public void Failed(string reason, IActorRef self)
        {
            problem ??= reason;
            Finish(self);
        }

        private void Finish(IActorRef self)
        {
            if (--remaining > 0)
            {
                return;
            }

            replyTo.Tell(
                problem is null
                    ? new LeaseCommandResult(LeaseCommandOutcome.Done, last, written)
                    : new LeaseCommandResult(LeaseCommandOutcome.Failed, last, written, problem),
                self);
        }
    }
}
