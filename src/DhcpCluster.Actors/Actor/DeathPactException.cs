namespace DhcpCluster.Actors;

/// <summary>An actor did not handle a <see cref="Terminated"/> of an actor it watched; stops it by default.</summary>
public sealed class DeathPactException : ActorsException
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException() { }

    /// <summary>Creates the exception.</summary>
    public DeathPactException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public DeathPactException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>The watched actor that terminated.</summary>
    public IActorRef? DeadActor { get; init; }
}
