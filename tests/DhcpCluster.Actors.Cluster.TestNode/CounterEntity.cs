using DhcpCluster.Actors.Cluster.Sharding;
using DhcpCluster.Actors.Persistence.PersistentActors;
using Google.Protobuf.WellKnownTypes;

namespace DhcpCluster.Actors.Cluster.TestNode;

/// <summary>
/// A sharded, event-sourced counter. Requests are strings <c>inc|ENTITY|REQUEST-ID</c> (the primitive serializer
/// carries them between nodes); the answer is <c>ack|REQUEST-ID|COUNT</c>. Each request id is applied at most once
/// (the event is the request id, the state remembers every applied id), so a driver may retry freely.
/// </summary>
public sealed class CounterEntity : ReceivePersistentActor
{
    /// <summary>The handoff stop message: processed after the commands stashed while persisting.</summary>
    public const string Stop = "stop";

    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);

    public CounterEntity(string id)
    {
        PersistenceId = "counter-" + id;
        Recover<StringValue>(e => _applied.Add(e.Value));
        Command<string>(_ => Context.Stop(Self), m => string.Equals(m, Stop, StringComparison.Ordinal));
        Command<string>(OnIncrement);
    }

    public override string PersistenceId { get; }

    /// <summary>The extractor of counter requests.</summary>
    public static HashCodeMessageExtractor Extractor(int shards) => HashCodeMessageExtractor.Create(shards, m => m is string s && s.StartsWith("inc|", StringComparison.Ordinal) ? s.Split('|')[1] : null);

    private void OnIncrement(string request)
    {
        var requestId = request[(request.LastIndexOf('|') + 1)..];
        if (_applied.Contains(requestId))
        {
            Sender.Tell($"ack|{requestId}|{_applied.Count}", Self);
            return;
        }

        var sender = Sender;
        Persist(new StringValue { Value = requestId }, e =>
        {
            _applied.Add(e.Value);
            sender.Tell($"ack|{requestId}|{_applied.Count}", Self);
        });
    }
}
