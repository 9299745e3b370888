namespace DhcpCluster.Actors;

/// <summary>An actor received <see cref="Kill"/>; stops it by default.</summary>
public sealed class ActorKilledException : ActorsException
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException() { }

    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message, Exception? innerException) : base(message, innerException) { }
}
