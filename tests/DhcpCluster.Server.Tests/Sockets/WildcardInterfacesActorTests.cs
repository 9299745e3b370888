using DhcpCluster.Actors;
using DhcpCluster.Server.Configuration;
using DhcpCluster.Server.Sockets;
using DhcpCluster.Server.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DhcpCluster.Server.Tests.Sockets;

/// <summary>The <c>*</c> watcher: interfaces that appear after start get a socket actor, once each.</summary>
public sealed class WildcardInterfacesActorTests(ITestOutputHelper output) : ServerTestKit(output)
{
    [Fact]
    public void An_interface_that_appears_after_start_gets_a_socket_actor_and_known_ones_never_a_second()
    {
        string[] present = ["eth0"];
        var probe = CreateTestProbe();
        var watcher = Sys.ActorOf(WildcardInterfacesActor.Props(
            ["eth0"],
            () => Volatile.Read(ref present),
            binding => Props.Create(() => new Announcer(binding, probe.Ref)),
            TimeSpan.FromMilliseconds(50)));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        Volatile.Write(ref present, ["eth0", "vlan31", "br0"]);
        var started = new[] { probe.ExpectMsg<InterfaceSelection>(TimeSpan.FromSeconds(5)), probe.ExpectMsg<InterfaceSelection>(TimeSpan.FromSeconds(5)) };
        Assert.Equal(["br0", "vlan31"], started.Select(s => s.Name).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.All(started, s => Assert.Null(s.Address));

        // Gone and back (or listed again on every scan): never a second actor.
        Volatile.Write(ref present, ["eth0"]);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Volatile.Write(ref present, ["eth0", "vlan31", "br0"]);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        watcher.Tell(WildcardInterfacesProtocol.GetCoveredInterfaces.Instance, TestActor);
        Assert.Equal(["eth0", "vlan31", "br0"], ExpectMsg<WildcardInterfacesProtocol.CoveredInterfaces>().Names);
    }

    /// <summary>Stands in for an interface socket actor: tells the probe which interface it was started for.</summary>
    private sealed class Announcer : ReceiveActor
    {
        public Announcer(InterfaceSelection binding, IActorRef probe)
        {
            probe.Tell(binding, Self);
            ReceiveAny(_ => { });
        }
    }
}
