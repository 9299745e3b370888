using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Actors.Persistence.ReadModels;
using Google.Protobuf.WellKnownTypes;
using static DhcpCluster.Actors.Persistence.PersistentActors.PersistenceProtocol;

namespace DhcpCluster.Actors.Persistence.Tests.PersistentActors;

/// <summary>A test persistent actor: keeps a list of strings, reports what happens to a probe.</summary>
public sealed class LeaseActor : ReceivePersistentActor
{
    private readonly IActorRef _probe;
    private readonly List<string> _state = [];
    private int _replayed;
    private bool _fromSnapshot;

    public LeaseActor(string persistenceId, IActorRef probe)
    {
        PersistenceId = persistenceId;
        _probe = probe;
        Recover<SnapshotOffer>(offer =>
        {
            _fromSnapshot = true;
            _state.AddRange(((StringValue)offer.Snapshot).Value.Split(',', StringSplitOptions.RemoveEmptyEntries));
        });
        Recover<StringValue>(e =>
        {
            _replayed++;
            _state.Add(e.Value);
        });
        Recover<RecoveryCompleted>(_ => _probe.Tell($"recovered:{LastSequenceNr}:replayed={_replayed}:snapshot={_fromSnapshot}:{string.Join(',', _state)}", Self));
        Command<Add>(c => Persist(new StringValue { Value = c.Value }, e =>
        {
            _state.Add(e.Value);
            Sender.Tell($"added:{e.Value}:{LastSequenceNr}", Self);
        }));
        Command<AddMany>(c => PersistAll(c.Values.Select(v => new StringValue { Value = v }), e =>
        {
            _state.Add(e.Value);
            Sender.Tell($"added:{e.Value}:{LastSequenceNr}", Self);
        }));
        Command<AddAsync>(c =>
        {
            PersistAsync(new StringValue { Value = c.Value }, e =>
            {
                _state.Add(e.Value);
                Sender.Tell($"async:{e.Value}", Self);
            });
            DeferAsync(c.Value, v => Sender.Tell($"deferred:{v}", Self));
        });
        Command<Claim>(c => Persist(
            new StringValue { Value = c.Address },
            [ReadModelChange.Upsert("lease_by_address", c.Address, c.ClientId, 0L)],
            e =>
            {
                _state.Add(e.Value);
                Sender.Tell($"claimed:{e.Value}", Self);
            }));
        Command<Get>(_ => Sender.Tell(string.Join(',', _state), Self));
        Command<Snap>(_ => SaveSnapshot(new StringValue { Value = string.Join(',', _state) }));
        Command<SaveSnapshotSuccess>(s => _probe.Tell($"snapshot-saved:{s.Metadata.SequenceNr}", Self));
        Command<Delete>(d => DeleteMessages(d.ToSequenceNr));
        Command<DeleteMessagesSuccess>(d => _probe.Tell($"deleted:{d.ToSequenceNr}", Self));
        CommandAsync<AddAfterDelay>(async c =>
        {
            await Task.Delay(20);
            Persist(new StringValue { Value = c.Value }, e =>
            {
                _state.Add(e.Value);
                Sender.Tell($"added:{e.Value}:{LastSequenceNr}", Self);
            });
        });
    }

    public override string PersistenceId { get; }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _probe.Tell($"persist-failed:{sequenceNr}:{cause.GetType().Name}", Self);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _probe.Tell($"persist-rejected:{sequenceNr}", Self);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception cause)
    {
        _probe.Tell(cause, Self);
        base.OnRecoveryFailure(cause);
    }

    public sealed record Add(string Value);

    public sealed record AddMany(IReadOnlyList<string> Values);

    public sealed record AddAsync(string Value);

    public sealed record AddAfterDelay(string Value);

    public sealed record Claim(string Address, string ClientId);

    public sealed record Get;

    public sealed record Snap;

    public sealed record Delete(long ToSequenceNr);
}
