namespace DhcpCluster.Actors.Tests;

public sealed class LocationTransparencyTests
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }

    [Fact]
    public async Task A_system_with_a_host_and_port_puts_them_in_every_path()
    {
        var address = new Address(Address.LocalProtocol, "node-a", "10.1.2.3", 4053);
        using var system = ActorSystem.Create("node-a", NoSignals(), new ActorSystemSetup { Address = address });
        var echo = system.ActorOf(Props.Create(() => new Echo()), "echo");
        Assert.Equal("dhcp-cluster://node-a@10.1.2.3:4053/user/echo", echo.Path.ToString());
        var extended = (ExtendedActorSystem)system;
        Assert.Equal(echo, extended.ResolveActorRef("dhcp-cluster://node-a@10.1.2.3:4053/user/echo"));
        Assert.Equal("hi", await extended.ResolveActorRef(echo.Path.ToSerializationFormat()).Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    /// <summary>A stand-in for a transport's reference: records what would be sent over the wire.</summary>
    private sealed class RecordingRemoteRef(ActorPath path, List<(object Message, IActorRef? Sender)> sent) : InternalActorRef
    {
        public override ActorPath Path => path;

        public override InternalActorRef Parent => this;

        public override bool IsTerminated => false;

        public override bool IsLocal => false;

        public override void Tell(object message, IActorRef? sender)
        {
            lock (sent)
            {
                sent.Add((message, sender));
            }
        }

        public override void SendSystemMessage(SystemMessage message) => Tell(message, null);
    }

    private sealed class RemoteProvider(LocalActorRefProvider local, List<(object Message, IActorRef? Sender)> sent) : IActorRefProvider
    {
        public Address DefaultAddress => local.DefaultAddress;

        public ActorPath RootPath => local.RootPath;

        public IActorRef DeadLetters => local.DeadLetters;

        public bool HasAddress(Address address) => local.HasAddress(address);

        public IActorRef ResolveActorRef(ActorPath path) => HasAddress(path.Address) ? local.ResolveActorRef(path) : new RecordingRemoteRef(path, sent);
    }

    [Fact]
    public void A_provider_extension_resolves_other_addresses_to_its_own_references()
    {
        var sent = new List<(object Message, IActorRef? Sender)>();
        using var system = ActorSystem.Create("node-b", NoSignals(), new ActorSystemSetup { ProviderFactory = (_, local) => new RemoteProvider(local, sent) });
        var extended = (ExtendedActorSystem)system;
        var remote = extended.ResolveActorRef("dhcp-cluster://node-c@10.0.0.9:4053/user/pool-owner");
        Assert.IsType<RecordingRemoteRef>(remote);
        remote.Tell("lease?", null);
        system.ActorSelection("dhcp-cluster://node-c@10.0.0.9:4053/user/clients/*").Tell("hello", null);
        lock (sent)
        {
            Assert.Equal("lease?", sent[0].Message);
            var selection = Assert.IsType<ActorSelectionMessage>(sent[1].Message);
            Assert.Equal(["user", "clients", "*"], selection.Elements);
            Assert.Equal("hello", selection.Message);
        }

        var local = system.ActorOf(Props.Create(() => new Echo()), "here");
        Assert.Equal(local, extended.ResolveActorRef(local.Path));
    }

    private static DhcpCluster.Hocon.Config NoSignals() =>
        DhcpCluster.Hocon.ConfigFactory.ParseString("dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off");
}
