using System.Threading.Channels;

namespace DhcpCluster.Actors.Tests.Shared;

/// <summary>An actor that queues what it receives (with the sender) for the test to expect.</summary>
public sealed class Probe
{
    private readonly Channel<(object Message, IActorRef? Sender)> _received = Channel.CreateUnbounded<(object, IActorRef?)>();

    public Probe(ActorSystem system, string name)
    {
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_received.Writer)), name);
    }

    public IActorRef Ref { get; }

    public IActorRef? LastSender { get; private set; }

    public async Task<T> ExpectAsync<T>(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            var (message, sender) = await _received.Reader.ReadAsync(cts.Token);
            LastSender = sender;
            return message is T typed ? typed : throw new Xunit.Sdk.XunitException($"Expected a {typeof(T).Name}, got {message.GetType().Name}: {message}");
        }
        catch (OperationCanceledException ex)
        {
            throw new Xunit.Sdk.XunitException($"Timed out waiting for a {typeof(T).Name}.", ex);
        }
    }

    public async Task ExpectNoMessageAsync(TimeSpan duration)
    {
        await Task.Delay(duration);
        if (_received.Reader.TryPeek(out var item))
        {
            throw new Xunit.Sdk.XunitException($"Expected no message, got {item.Message}.");
        }
    }

    /// <summary>An actor that ignores everything (a reference for serialization tests).</summary>
    public sealed class Sink : ReceiveActor
    {
        public Sink() => ReceiveAny(_ => { });
    }

    private sealed class ProbeActor : ReceiveActor
    {
        public ProbeActor(ChannelWriter<(object, IActorRef?)> received) => ReceiveAny(m => received.TryWrite((m, Sender)));
    }
}
