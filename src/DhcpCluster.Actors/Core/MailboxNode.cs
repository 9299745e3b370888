namespace DhcpCluster.Actors;

/// <summary>
/// A link of a cell's mailbox queue: an <see cref="Envelope"/>, or the cell itself, which is the queue's stub
/// whenever the queue is empty (so an idle actor keeps no consumed envelope as its stub).
/// </summary>
internal abstract class MailboxNode
{
    public MailboxNode? Next;
}
