namespace DhcpCluster.Actors;

/// <summary>
/// Messages of the system channel: they bypass the mailbox's normal queue, are processed before
/// normal messages, and also while the actor is suspended. Remote transports carry them as well.
/// </summary>
public abstract record SystemMessage;
