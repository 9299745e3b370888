namespace DhcpCluster.Actors.Remote.Serialization;

/// <summary>Writes references as full paths with their uid and resolves such paths back through the system's provider.</summary>
public sealed class ActorRefResolver
{
    private readonly Func<IActorRefProvider> _provider;

    internal ActorRefResolver(Func<IActorRefProvider> provider) => _provider = provider;

    /// <summary>The full path of a reference with its uid (<c>protocol://system@host:port/user/a#123</c>).</summary>
    public static string PathOf(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is RemoteActorRef remote ? remote.SerializedPath : actor.Path.ToSerializationFormat();
    }

    /// <summary>The reference for a full path: local actor, remote reference, or dead letters when it cannot be parsed.</summary>
    public IActorRef Resolve(string path)
    {
        var provider = _provider();
        return ActorPath.TryParse(path, out var parsed, out _) ? provider.ResolveActorRef(parsed) : provider.DeadLetters;
    }
}
