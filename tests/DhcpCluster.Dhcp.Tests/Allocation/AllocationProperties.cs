using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Tests.Decisions;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Dhcp.Tests.Allocation;

/// <summary>FsCheck: whatever clients do, no address is ever held by two clients at once.</summary>
public class AllocationProperties
{
    private enum Step
    {
        Discover,
        Select,
        Renew,
        InitReboot,
        Release,
        Decline,
        Wait,
        DiscoverAsking,
        RebootAsking,
        SelectAsking,
    }

    [Fact]
    public void No_address_is_given_to_two_clients_under_random_discover_request_release_decline_expire()
    {
        var step = Gen.Elements(Enum.GetValues<Step>());
        var action = from s in step
                     from client in Gen.Choose(0, 9)
                     from wait in Gen.Choose(1, 400)
                     from allocator in Gen.Elements(AllocatorKind.Iterative, AllocatorKind.Random)
                     select (s, client, wait % 8, allocator, wait);
        var script = Gen.Choose(1, 60).SelectMany(n => action.ArrayOf(n));
        PropertyCheck.ForAll(script, Holds, maxTest: 200);
    }

    private static bool Holds((Step Step, int Client, int Asked, AllocatorKind Allocator, int Wait)[] script)
    {
        var s = Scenario.Simple(o =>
        {
            o.Pool = "192.0.2.10 - 192.0.2.15";
            o.ValidLifetime = 600;
            o.DeclineProbationPeriod = 300;
            o.Allocator = script.Length > 0 ? script[0].Allocator : AllocatorKind.Iterative;
            o.Authoritative = script.Length % 2 == 0;
        });
        var offers = new Ipv4Address?[10];
        var held = new (Ipv4Address Address, long Expires)?[10];
        foreach (var (step, client, asked, _, wait) in script)
        {
            var mac = ClientMessage.MacOf(client);
            var askedAddress = Ipv4Address.Parse("192.0.2.9") + asked; // 192.0.2.9 .. 192.0.2.16: the pool and both neighbours
            var result = Act(s, step, mac, askedAddress, offers[client], held[client]);
            if (step is Step.Release or Step.Decline)
            {
                held[client] = null;
            }

            if (step == Step.Wait)
            {
                s.Now += wait;
            }

            if (result?.Reply == ReplyKind.Offer)
            {
                offers[client] = result.Packet!.YourAddress;
                if (HeldByOther(held, client, result.Packet.YourAddress, s.Now))
                {
                    return false;
                }
            }
            else if (result?.Reply == ReplyKind.Ack)
            {
                held[client] = (result.Packet!.YourAddress, s.Now + 600);
                if (HeldByOther(held, client, result.Packet.YourAddress, s.Now))
                {
                    return false;
                }
            }
            else if (result?.Reply == ReplyKind.Nak)
            {
                held[client] = null;
            }
        }

        return true;
    }

    private static Scenario.Result? Act(Scenario s, Step step, byte[] mac, Ipv4Address asked, Ipv4Address? offer, (Ipv4Address Address, long Expires)? held) => step switch
    {
        Step.Discover => s.Run(ClientMessage.Discover(mac)),
        Step.Select when offer is { } offered => s.Run(ClientMessage.Request(mac).With(54, Scenario.ServerAddress).With(50, offered)),
        Step.Renew when held is { } lease => s.Run(ClientMessage.Request(mac).Ciaddr(lease.Address.ToString())),
        Step.InitReboot when held is { } lease => s.Run(ClientMessage.Request(mac).With(50, lease.Address)),
        Step.Release when held is { } lease => s.Run(new ClientMessage(DhcpMessageType.Release, mac).Ciaddr(lease.Address.ToString())),
        Step.Decline when held is { } lease => s.Run(new ClientMessage(DhcpMessageType.Decline, mac).With(50, lease.Address)),
        Step.DiscoverAsking => s.Run(ClientMessage.Discover(mac).With(50, asked)),
        Step.RebootAsking => s.Run(ClientMessage.Request(mac).With(50, asked)),
        Step.SelectAsking => s.Run(ClientMessage.Request(mac).With(54, Scenario.ServerAddress).With(50, asked)),
        _ => null,
    };

    private static bool HeldByOther((Ipv4Address Address, long Expires)?[] held, int client, Ipv4Address address, long now)
    {
        for (var other = 0; other < held.Length; other++)
        {
            if (other != client && held[other] is { } lease && lease.Address == address && lease.Expires > now)
            {
                return true;
            }
        }

        return false;
    }
}
