namespace DhcpCluster.Actors;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>The reference that stands for "no actor"; messages to it are dropped.</summary>
    public static IActorRef Nobody => Actors.Nobody.Instance;

    /// <summary>The sender used when there is none (null, as Akka's <c>ActorRefs.NoSender</c>).</summary>
    public static IActorRef? NoSender => null;
}
