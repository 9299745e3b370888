namespace DhcpCluster.Actors;

/// <summary>
/// Set messages aside and bring them back later (Akka's <c>IStash</c>). Unstashed messages go to the
/// front of the mailbox, in the order they were stashed. Stashed messages survive a restart (they are
/// unstashed before the restart) and go to dead letters when the actor stops.
/// </summary>
public interface IStash
{
    /// <summary>Stashes the current message.</summary>
    /// <exception cref="ActorUsageException">When the current message is already stashed.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back at the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages matching the predicate back at the front, oldest first.</summary>
    void UnstashAll(Func<object, bool> predicate);

    /// <summary>Removes and returns all stashed messages without delivering them.</summary>
    IReadOnlyList<object> ClearStash();

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }
}
