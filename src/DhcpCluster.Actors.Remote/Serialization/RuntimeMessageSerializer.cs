using DhcpCluster.Actors.Remote.Protos;
using Google.Protobuf;

namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>
/// The runtime's own messages that cross nodes: <see cref="Identify"/>, <see cref="ActorIdentity"/>,
/// <see cref="PoisonPill"/>, <see cref="Kill"/>, <see cref="Status.Failure"/> (as its message text),
/// and the system messages of remote death watch.
/// </summary>
public sealed class RuntimeMessageSerializer : Serializer
{
    /// <summary>The serializer id.</summary>
    public const int Id = 1;

    private readonly ActorRefResolver _refs;

    internal RuntimeMessageSerializer(ActorRefResolver refs) => _refs = refs;

    /// <inheritdoc/>
    public override int Identifier => Id;

    /// <inheritdoc/>
    public override bool CanSerialize(Type type) =>
        type == typeof(Identify) || type == typeof(ActorIdentity) || type == typeof(PoisonPill) || type == typeof(Kill) || type == typeof(Status.Failure)
        || type == typeof(Watch) || type == typeof(Unwatch) || type == typeof(DeathWatchNotification);

    /// <inheritdoc/>
    public override string Manifest(object message) => message switch
    {
        Identify => "ID",
        ActorIdentity => "AI",
        PoisonPill => "PP",
        Kill => "K",
        Status.Failure => "SF",
        Watch => "W",
        Unwatch => "UW",
        DeathWatchNotification => "DW",
        _ => throw new ArgumentException($"{message?.GetType().Name} is not a runtime message.", nameof(message)),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object message) => message switch
    {
        Identify i => new IdentifyPayload { HasMessageId = i.MessageId is not null, MessageId = i.MessageId?.ToString() ?? string.Empty }.ToByteArray(),
        ActorIdentity a => new ActorIdentityPayload
        {
            HasMessageId = a.MessageId is not null,
            MessageId = a.MessageId?.ToString() ?? string.Empty,
            Subject = a.Subject is null ? string.Empty : ActorRefResolver.PathOf(a.Subject),
        }.ToByteArray(),
        PoisonPill or Kill => [],
        Status.Failure f => new StatusFailurePayload { Message = f.Cause.Message, ExceptionType = f.Cause.GetType().Name }.ToByteArray(),
        Watch w => new WatchPayload { Watchee = ActorRefResolver.PathOf(w.Watchee), Watcher = ActorRefResolver.PathOf(w.Watcher) }.ToByteArray(),
        Unwatch u => new WatchPayload { Watchee = ActorRefResolver.PathOf(u.Watchee), Watcher = ActorRefResolver.PathOf(u.Watcher) }.ToByteArray(),
        DeathWatchNotification d => new DeathWatchPayload
        {
            Actor = ActorRefResolver.PathOf(d.Actor),
            ExistenceConfirmed = d.ExistenceConfirmed,
            AddressTerminated = d.AddressTerminated,
        }.ToByteArray(),
        _ => throw new ArgumentException($"{message?.GetType().Name} is not a runtime message.", nameof(message)),
    };

    /// <inheritdoc/>
    public override object FromBinary(ReadOnlySpan<byte> payload, string manifest)
    {
        switch (manifest)
        {
            case "ID":
                var i = IdentifyPayload.Parser.ParseFrom(payload);
                return new Identify(i.HasMessageId ? i.MessageId : null);
            case "AI":
                var a = ActorIdentityPayload.Parser.ParseFrom(payload);
                return new ActorIdentity(a.HasMessageId ? a.MessageId : null, a.Subject.Length == 0 ? null : _refs.Resolve(a.Subject));
            case "PP":
                return PoisonPill.Instance;
            case "K":
                return Kill.Instance;
            case "SF":
                var f = StatusFailurePayload.Parser.ParseFrom(payload);
                return new Status.Failure(new RemoteFailureException(f.ExceptionType, f.Message));
            case "W":
            case "UW":
                var w = WatchPayload.Parser.ParseFrom(payload);
                var watchee = (InternalActorRef)_refs.Resolve(w.Watchee);
                var watcher = (InternalActorRef)_refs.Resolve(w.Watcher);
                return string.Equals(manifest, "W", StringComparison.Ordinal) ? new Watch(watchee, watcher) : new Unwatch(watchee, watcher);
            case "DW":
                var d = DeathWatchPayload.Parser.ParseFrom(payload);
                return new DeathWatchNotification(_refs.Resolve(d.Actor), d.ExistenceConfirmed, d.AddressTerminated);
            default:
                throw new UnknownManifestException($"Unknown runtime message manifest '{manifest}'.");
        }
    }
}
