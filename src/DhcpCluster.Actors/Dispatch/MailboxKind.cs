namespace DhcpCluster.Actors;

/// <summary>A mailbox kind: unbounded (capacity 0) or bounded (messages beyond capacity go to dead letters).</summary>
public sealed record MailboxKind(string Id, int Capacity);
