namespace DhcpCluster.Actors;

/// <summary>Creates actors (the system and every actor context do).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor; a null name gets a generated one.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by path (absolute, or relative to this context).</summary>
    ActorSelection ActorSelection(string path);
}
