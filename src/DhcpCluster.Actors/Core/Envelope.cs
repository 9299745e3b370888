namespace DhcpCluster.Actors;

/// <summary>
/// One message in a mailbox: the message, its sender and the link to the next one. It is the node
/// of the mailbox's lock-free queue, so a message costs exactly this one allocation.
/// </summary>
internal sealed class Envelope
{
    public object? Message;
    public IActorRef? Sender;
    public Envelope? Next;

    public Envelope(object? message, IActorRef? sender)
    {
        Message = message;
        Sender = sender;
    }
}
