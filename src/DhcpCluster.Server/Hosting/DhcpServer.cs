using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Dhcp;
using DhcpCluster.Server.Clients;
using DhcpCluster.Server.Configuration;
using DhcpCluster.Server.Configuration.KeaLeaseCsv;
using DhcpCluster.Server.Leases;
using DhcpCluster.Server.Logging;
using DhcpCluster.Server.Sockets;
using DhcpCluster.Sockets.Interfaces;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Server.Hosting;

/// <summary>
/// The DHCP actors of one node: a pool owner per allocation domain, the client registry, and an interface socket
/// actor per configured interface (<c>*</c> expands to every non-loopback interface present at start, and to those that
/// appear later through <see cref="WildcardInterfacesActor"/>). The actor
/// system must have a persistence store installed, and its configuration this module's reference.conf (the
/// <see cref="DispatcherId"/> dispatcher).
/// </summary>
public sealed class DhcpServer
{
    /// <summary>
    /// The dispatcher every packet-path actor runs on (<c>dhcp-cluster.actor.dhcp-dispatcher</c>, configured in this
    /// module's reference.conf: a fork-join executor, so the messages of one exchange stay on the thread running it).
    /// </summary>
    public const string DispatcherId = "dhcp-dispatcher";

    private DhcpServer(ServerStatistics statistics, PoolOwnerDirectory owners, IActorRef clients, IReadOnlyList<IActorRef> interfaces)
    {
        Statistics = statistics;
        Owners = owners;
        Clients = clients;
        Interfaces = interfaces;
    }

    /// <summary>The packet path's counters.</summary>
    public ServerStatistics Statistics { get; }

    /// <summary>The pool owners by subnet.</summary>
    public PoolOwnerDirectory Owners { get; }

    /// <summary>The client registry.</summary>
    public IActorRef Clients { get; }

    /// <summary>The interface socket actors.</summary>
    public IReadOnlyList<IActorRef> Interfaces { get; }

    /// <summary>Starts the actors.</summary>
    public static DhcpServer Start(ActorSystem system, DhcpServerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(setup);
        var statistics = new ServerStatistics();
        var configuration = setup.Configuration;
        var names = ExpandInterfaces(setup.Interfaces.Interfaces);
        var serverAddresses = names
            .Select(b => LinkInfo.Find(b.Name))
            .Where(l => l is not null)
            .SelectMany(l => l!.Addresses.Select(a => new Ipv4Address(a.Address)))
            .Distinct()
            .ToArray();

        var domains = AllocationDomain.Partition(configuration);
        var imported = setup.ImportFile is { } file ? KeaLeaseCsvReader.ReadFile(file).Leases : [];
        var bySubnet = new Dictionary<uint, IActorRef>();
        foreach (var domain in domains)
        {
            var owner = system.ActorOf(PoolOwnerActor.Props(configuration, domain, serverAddresses, setup.Settings, statistics).WithDispatcher(DispatcherId));
            foreach (var subnet in domain.Subnets)
            {
                bySubnet[subnet.Id] = owner;
            }

            if (setup.ImportFile is not null)
            {
                // Before any client message: the owner's mailbox holds the import first.
                owner.Tell(new PoolOwnerProtocol.ImportLeases(setup.ImportFile, [.. imported.Where(l => domain.Subnets.Any(s => s.Id == l.SubnetId))]), ActorRefs.NoSender);
            }
        }

        var owners = new PoolOwnerDirectory(bySubnet);
        var clients = system.ActorOf(
            ClientRegistryActor.Props(
                ClientActor.Props(owners, setup.Settings, statistics, system.LoggerFactory.CreateLogger(typeof(ClientActor).FullName!)).WithDispatcher(DispatcherId),
                statistics,
                releaseCaches: PersistenceExtension.Get(system).Store.ReleaseIdleConnections).WithDispatcher(DispatcherId),
            "clients");
        var router = new LocalClientRouter(clients);
        Props SocketProps(InterfaceSelection binding) =>
            InterfaceSocketActor.Props(binding, setup.Interfaces, router, configuration, setup.Settings, statistics).WithDispatcher(DispatcherId);
        var interfaces = names.Select(b => system.ActorOf(SocketProps(b))).ToArray();
        if (setup.Interfaces.AllInterfaces)
        {
            system.ActorOf(
                WildcardInterfacesActor.Props(names.Select(n => n.Name), LinkInfo.AllNames, SocketProps, setup.Interfaces.RetryWaitTime), "wildcard-interfaces");
        }

        DhcpLog.Started(
            system.LoggerFactory.CreateLogger("DhcpCluster.Server"),
            configuration.AllSubnets.Count,
            domains.Count,
            string.Join(", ", names.Select(n => n.ToString())));
        return new DhcpServer(statistics, owners, clients, interfaces);
    }

    /// <summary>The concrete interfaces: named ones as configured, <c>*</c> as every other non-loopback interface.</summary>
    public static IReadOnlyList<InterfaceSelection> ExpandInterfaces(IReadOnlyList<InterfaceSelection> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var result = new List<InterfaceSelection>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in configured.Where(b => !b.IsWildcard))
        {
            if (seen.Add(binding.Name))
            {
                result.Add(binding);
            }
        }

        if (configured.Any(b => b.IsWildcard))
        {
            foreach (var name in LinkInfo.AllNames())
            {
                if (seen.Add(name))
                {
                    result.Add(new InterfaceSelection(name, null));
                }
            }
        }

        return result;
    }
}
