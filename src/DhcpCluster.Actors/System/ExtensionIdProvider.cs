namespace DhcpCluster.Actors;

/// <summary>Identifies an extension and creates it on first use (Akka's <c>ExtensionIdProvider</c>).</summary>
public abstract class ExtensionIdProvider<T>
    where T : class, IExtension
{
    /// <summary>The extension of that system (created on first use).</summary>
    public T Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.RegisterExtension(this);
    }

    /// <summary>Creates the extension.</summary>
    public abstract T CreateExtension(ExtendedActorSystem system);
}
