using System.Threading.Channels;
using DhcpCluster.Actors;

namespace DhcpCluster.Actors.Persistence.Tests.Infrastructure;

/// <summary>A minimal probe (until the TestKit lands): an actor that queues what it receives for the test to expect.</summary>
public sealed class ActorProbe
{
    private readonly Channel<object> _received = Channel.CreateUnbounded<object>();

    public ActorProbe(ActorSystem system, string name)
    {
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_received.Writer)), name);
    }

    public IActorRef Ref { get; }

    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            var message = await _received.Reader.ReadAsync(cts.Token);
            return message is T typed ? typed : throw new Xunit.Sdk.XunitException($"Expected a {typeof(T).Name}, got {message.GetType().Name}: {message}");
        }
        catch (OperationCanceledException ex)
        {
            throw new Xunit.Sdk.XunitException($"Timed out waiting for a {typeof(T).Name}.", ex);
        }
    }

    public async Task ExpectMsgAsync(string expected, TimeSpan? timeout = null) => Assert.Equal(expected, await ExpectMsgAsync<string>(timeout));

    public async Task ExpectNoMsgAsync(TimeSpan duration)
    {
        await Task.Delay(duration);
        if (_received.Reader.TryPeek(out var message))
        {
            throw new Xunit.Sdk.XunitException($"Expected no message, got {message}.");
        }
    }

    private sealed class ProbeActor : ReceiveActor
    {
        public ProbeActor(ChannelWriter<object> received) => ReceiveAny(m => received.TryWrite(m));
    }
}
