namespace DhcpCluster.Actors;

/// <summary>A timer's message in the mailbox, checked against the timer's generation before delivery.</summary>
internal sealed class TimerMessage : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    public TimerMessage(object key, int generation, object message, bool repeating)
    {
        Key = key;
        Generation = generation;
        Message = message;
        Repeating = repeating;
    }

    public object Key { get; }

    public int Generation { get; }

    public object Message { get; }

    public bool Repeating { get; }
}
