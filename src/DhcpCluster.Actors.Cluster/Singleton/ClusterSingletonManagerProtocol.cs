namespace DhcpCluster.Actors.Cluster.Singleton;

/// <summary>Messages between the managers of one singleton on different nodes (Akka's names).</summary>
public static class ClusterSingletonManagerProtocol
{
    /// <summary>The new oldest member asks the previous oldest (no longer Up) to stop its instance.</summary>
    public sealed record HandOverToMe
    {
        private HandOverToMe()
        {
        }

        /// <summary>The instance.</summary>
        public static HandOverToMe Instance { get; } = new();
    }

    /// <summary>The previous oldest is stopping its instance; HandOverDone follows.</summary>
    public sealed record HandOverInProgress
    {
        private HandOverInProgress()
        {
        }

        /// <summary>The instance.</summary>
        public static HandOverInProgress Instance { get; } = new();
    }

    /// <summary>The previous oldest runs no instance and never will again: the new oldest may start one.</summary>
    public sealed record HandOverDone
    {
        private HandOverDone()
        {
        }

        /// <summary>The instance.</summary>
        public static HandOverDone Instance { get; } = new();
    }

    /// <summary>Asks a manager whether its instance runs (answered with <see cref="SingletonState"/>); local use.</summary>
    public sealed record GetSingletonState
    {
        private GetSingletonState()
        {
        }

        /// <summary>The instance.</summary>
        public static GetSingletonState Instance { get; } = new();
    }

    /// <summary>Whether the manager runs the instance, and the reference when it does.</summary>
    /// <param name="Running">True when this node runs the instance.</param>
    /// <param name="Singleton">The instance, or null.</param>
    /// <param name="HandedOver">True once this manager handed over for good (its member left or was downed).</param>
    public sealed record SingletonState(bool Running, IActorRef? Singleton, bool HandedOver);

    /// <summary>
    /// A message that reached the previous oldest's singleton after it stopped for a hand-over: the previous
    /// manager passes it to the new one, which delivers it once its instance runs (no message is lost in a
    /// graceful hand-over).
    /// </summary>
    public sealed record SingletonDelivery(object Message);

    internal sealed record Evaluate;
}
