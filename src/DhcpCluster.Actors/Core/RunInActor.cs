namespace DhcpCluster.Actors;

/// <summary>Runs an action inside the actor (used by runtime extensions such as persistence).</summary>
internal sealed record RunInActor(Action<ActorCell> Action, IActorRef? Sender = null) : SystemMessage;
