using DhcpCluster.Actors.Persistence.PersistentActors;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Persistence.Benchmarks;

/// <summary>Persists <see cref="BenchmarkProtocol.Run.Events"/> events one at a time (each Persist waits for the previous handler), or in PersistAll batches.</summary>
internal sealed class BenchmarkActor : ReceivePersistentActor
{
    private readonly Countdown _done;
    private long _remaining;
    private int _batch;

    public BenchmarkActor(string persistenceId, Countdown recovered, Countdown done)
    {
        PersistenceId = persistenceId;
        _done = done;
        Recover<Int64Value>(_ => { });
        Recover<PersistenceProtocol.RecoveryCompleted>(_ => recovered.Signal());
        Command<BenchmarkProtocol.Run>(run =>
        {
            _remaining = run.Events;
            _batch = run.BatchSize;
            PersistNext();
        });
    }

    public override string PersistenceId { get; }

    private void PersistNext()
    {
        if (_batch <= 1)
        {
            Persist(new Int64Value { Value = _remaining }, _ => Persisted(1));
            return;
        }

        var count = (int)Math.Min(_batch, _remaining);
        var events = new Int64Value[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = new Int64Value { Value = _remaining - i };
        }

        var handled = 0;
        PersistAll(events, _ =>
        {
            if (++handled == count)
            {
                Persisted(count);
            }
        });
    }

    private void Persisted(int count)
    {
        _remaining -= count;
        if (_remaining > 0)
        {
            PersistNext();
        }
        else
        {
            _done.Signal();
        }
    }
}
