using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DhcpCluster.Actors;

/// <summary>The system as runtime modules (remote, cluster, persistence) see it.</summary>
public abstract class ExtendedActorSystem : ActorSystem
{
    /// <summary>The provider resolving paths to references.</summary>
    public abstract IActorRefProvider Provider { get; }

    /// <summary>The root guardian (<c>/</c>).</summary>
    public abstract IActorRef RootGuardian { get; }

    /// <summary>The user guardian (<c>/user</c>).</summary>
    public abstract IActorRef Guardian { get; }

    /// <summary>The system guardian (<c>/system</c>).</summary>
    public abstract IActorRef SystemGuardian { get; }

    /// <summary>Creates an actor under <c>/system</c> (runtime modules' own actors).</summary>
    public abstract IActorRef SystemActorOf(Props props, string? name = null);

    /// <summary>
    /// Redirects the messages a stopping descendant of <paramref name="ancestor"/> leaves undelivered (still in its
    /// mailbox or stash when it stops) to <paramref name="redirect"/> instead of dead letters, so the owner of those
    /// actors can deliver them again (sharding hands them to the entity's next incarnation). Asks whose message is
    /// redirected stay pending. Dispose the result to stop redirecting.
    /// </summary>
    public abstract IDisposable RedirectUndelivered(IActorRef ancestor, Action<DeadLetter> redirect);

    /// <summary>Resolves a path (through the provider).</summary>
    public IActorRef ResolveActorRef(ActorPath path) => Provider.ResolveActorRef(path);

    /// <summary>Resolves a full path string (through the provider).</summary>
    public IActorRef ResolveActorRef(string path) => Provider.ResolveActorRef(ActorPath.Parse(path));
}
