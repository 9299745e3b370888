using System.Collections.Concurrent;

namespace DhcpCluster.Actors.Testing;

/// <summary>The actor behind a TestKit or TestProbe: queues every message (with its sender) for the test to inspect.</summary>
internal sealed class TestActor : ActorBase
{
    private readonly BlockingCollection<ReceivedMessage> _queue;

    public TestActor(BlockingCollection<ReceivedMessage> queue) => _queue = queue;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchCommand watch:
                Context.Watch(watch.Subject);
                Sender.Tell(Done.Instance, Self);
                break;
            case UnwatchCommand unwatch:
                Context.Unwatch(unwatch.Subject);
                Sender.Tell(Done.Instance, Self);
                break;
            default:
                _queue.Add(new ReceivedMessage(message, Sender));
                break;
        }

        return true;
    }

    /// <summary>Makes the test actor watch an actor.</summary>
    internal sealed record WatchCommand(IActorRef Subject);

    /// <summary>Makes the test actor stop watching an actor.</summary>
    internal sealed record UnwatchCommand(IActorRef Subject);
}
