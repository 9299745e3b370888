namespace DhcpCluster.Actors.Remote.Tests;

/// <summary>An actor that echoes what it receives to the sender.</summary>
public sealed class Echo : ReceiveActor
{
    public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
}
