using DhcpCluster.Actors;
using DhcpCluster.Server.Configuration;
using DhcpCluster.Server.Logging;
using Microsoft.Extensions.Logging;
using static DhcpCluster.Server.Sockets.WildcardInterfacesProtocol;

namespace DhcpCluster.Server.Sockets;

/// <summary>
/// Keeps <c>interfaces = ["*"]</c> true after start: every <c>service-sockets-retry-wait-time</c> it lists the host's
/// interfaces again and starts an interface socket actor (its child) for each one that appeared since (a VLAN or
/// bridge created after boot, a hot-plugged NIC). An interface that goes away keeps its actor, which retries until
/// the interface is back, as a named one does.
/// </summary>
public sealed class WildcardInterfacesActor : ReceiveActor, IWithTimers
{
    private const string RescanTimerKey = "rescan";
    private readonly HashSet<string> covered;
    private readonly List<string> order;
    private readonly Func<IReadOnlyList<string>> listInterfaces;
    private readonly Func<InterfaceSelection, Props> socketProps;
    private readonly TimeSpan interval;
    private readonly ILogger log;

    /// <summary>Creates the watcher.</summary>
    /// <param name="covered">The interfaces that already have a socket actor (named ones and the wildcard's expansion at start).</param>
    /// <param name="listInterfaces">Lists the host's interfaces (loopback excluded).</param>
    /// <param name="socketProps">Props of the socket actor of a new interface.</param>
    /// <param name="interval">How often to list the interfaces.</param>
    public WildcardInterfacesActor(IEnumerable<string> covered, Func<IReadOnlyList<string>> listInterfaces, Func<InterfaceSelection, Props> socketProps, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(covered);
        order = [.. covered];
        this.covered = new HashSet<string>(order, StringComparer.Ordinal);
        this.listInterfaces = listInterfaces;
        this.socketProps = socketProps;
        this.interval = interval;
        log = Context.GetLogger();
        Receive<Rescan>(_ => OnRescan());
        Receive<GetCoveredInterfaces>(_ => Sender.Tell(new CoveredInterfaces([.. order]), Self));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the watcher.</summary>
    public static Props Props(IEnumerable<string> covered, Func<IReadOnlyList<string>> listInterfaces, Func<InterfaceSelection, Props> socketProps, TimeSpan interval) =>
        Actors.Props.Create(() => new WildcardInterfacesActor(covered, listInterfaces, socketProps, interval));

    /// <inheritdoc />
    protected override void PreStart() => Timers.StartPeriodicTimer(RescanTimerKey, Rescan.Instance, interval);

    private void OnRescan()
    {
        foreach (var name in listInterfaces())
        {
            if (covered.Add(name))
            {
                order.Add(name);
                DhcpLog.InterfaceAdded(log, name);
                Context.ActorOf(socketProps(new InterfaceSelection(name, null)));
            }
        }
    }
}
