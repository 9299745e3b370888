namespace DhcpCluster.Actors;

/// <summary>Conveniences on contexts and factories.</summary>
public static class ActorRefFactoryExtensions
{
    /// <summary>Creates an actor of a type with a parameterless constructor.</summary>
    public static IActorRef ActorOf<TActor>(this IActorRefFactory factory, string? name = null)
        where TActor : ActorBase, new()
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.ActorOf(Props.Create<TActor>(), name);
    }
}
