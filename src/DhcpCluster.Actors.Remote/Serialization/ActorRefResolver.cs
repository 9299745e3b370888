namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>Writes references as full paths with their uid and resolves such paths back through the system's provider.</summary>
public sealed class ActorRefResolver
{
    [ThreadStatic]
    private static Address? t_originAddress;

    [ThreadStatic]
    private static long t_originUid;

    private readonly Func<IActorRefProvider> _provider;

    internal ActorRefResolver(Func<IActorRefProvider> provider) => _provider = provider;

    /// <summary>The full path of a reference with its uid (<c>protocol://system@host:port/user/a#123</c>).</summary>
    public static string PathOf(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is RemoteActorRef remote ? remote.SerializedPath : actor.Path.ToSerializationFormat();
    }

    /// <summary>
    /// The reference for a full path: local actor, remote reference, or dead letters when it cannot be parsed. While a
    /// message from another node is decoded, references to that node's actors are tied to its incarnation.
    /// </summary>
    public IActorRef Resolve(string path)
    {
        var provider = _provider();
        if (!ActorPath.TryParse(path, out var parsed, out _))
        {
            return provider.DeadLetters;
        }

        var resolved = provider.ResolveActorRef(parsed);
        if (resolved is RemoteActorRef remote && t_originUid != 0 && remote.Path.Address.Equals(t_originAddress))
        {
            remote.BindIncarnation(t_originUid);
        }

        return resolved;
    }

    /// <summary>Marks the current thread as decoding a message from that incarnation (until <see cref="EndOrigin"/>).</summary>
    internal static void BeginOrigin(Address? address, long uid)
    {
        t_originAddress = address;
        t_originUid = uid;
    }

    /// <summary>Ends <see cref="BeginOrigin"/>.</summary>
    internal static void EndOrigin()
    {
        t_originAddress = null;
        t_originUid = 0;
    }
}
