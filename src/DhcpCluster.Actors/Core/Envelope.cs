namespace DhcpCluster.Actors;

/// <summary>
/// One message in a mailbox: the message, its sender, when it was created (UTC ticks) and the link to the next one.
/// It is the node of the mailbox's lock-free queue, so a message costs exactly this one allocation.
/// </summary>
internal sealed class Envelope : MailboxNode
{
    public object? Message;
    public IActorRef? Sender;
    public long CreatedUtcTicks;

    public Envelope(object? message, IActorRef? sender, long createdUtcTicks)
    {
        Message = message;
        Sender = sender;
        CreatedUtcTicks = createdUtcTicks;
    }
}
