namespace DhcpCluster.Actors;

/// <summary>Node of the system-message stack (system messages are rare; a node each is fine).</summary>
internal sealed class SystemMessageNode
{
    public readonly SystemMessage Message;
    public SystemMessageNode? Next;

    public SystemMessageNode(SystemMessage message, SystemMessageNode? next)
    {
        Message = message;
        Next = next;
    }
}
