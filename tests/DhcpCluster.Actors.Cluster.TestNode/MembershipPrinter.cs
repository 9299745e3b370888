using System.Globalization;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Cluster;

namespace DhcpCluster.Actors.Cluster.TestNode;

/// <summary>
/// Prints every cluster event and, after each, the whole view as one line:
/// <c>VIEW self=HOST:PORT members=HOST:PORT#UID=Status,... unreachable=HOST:PORT,... leader=HOST:PORT</c>.
/// </summary>
public sealed class MembershipPrinter : ReceiveActor
{
    public MembershipPrinter(Cluster cluster)
    {
        ReceiveAny(message =>
        {
            switch (message)
            {
                case ClusterEvent.MemberRemoved removed:
                    Output.Line($"EVENT MemberRemoved member={HostPort(removed.Member.Address)} uid={removed.Member.UniqueAddress.Uid} previous={removed.PreviousStatus}");
                    break;
                case ClusterEvent.MemberStatusChange change:
                    Output.Line($"EVENT {change.GetType().Name} member={HostPort(change.Member.Address)} uid={change.Member.UniqueAddress.Uid}");
                    break;
                case ClusterEvent.UnreachableMember unreachable:
                    Output.Line($"EVENT UnreachableMember member={HostPort(unreachable.Member.Address)}");
                    break;
                case ClusterEvent.ReachableMember reachable:
                    Output.Line($"EVENT ReachableMember member={HostPort(reachable.Member.Address)}");
                    break;
                case ClusterEvent.LeaderChanged leader:
                    Output.Line($"EVENT LeaderChanged leader={(leader.Leader is null ? "none" : HostPort(leader.Leader))}");
                    break;
                case SplitBrainResolverMessages.DecisionTaken decision:
                    Output.Line($"SBR_DECISION kind={decision.Decision.Kind} downed={string.Join(',', decision.Downed.Select(d => HostPort(d.Address)))} reason={decision.Decision.Reason}");
                    break;
                case ClusterEvent.ClusterShuttingDown down:
                    Output.Line($"SHUTTING_DOWN reason={down.Reason}");
                    break;
                default:
                    return;
            }

            PrintView(cluster.State, cluster.SelfAddress);
        });
    }

    public static string HostPort(Address address) => string.Create(CultureInfo.InvariantCulture, $"{address.Host}:{address.Port}");

    private static void PrintView(CurrentClusterState state, Address self)
    {
        var members = string.Join(',', state.Members.OrderBy(m => m.UniqueAddress).Select(m => $"{HostPort(m.Address)}#{m.UniqueAddress.Uid}={m.Status}"));
        var unreachable = string.Join(',', state.Unreachable.OrderBy(m => m.UniqueAddress).Select(m => HostPort(m.Address)));
        Output.Line($"VIEW self={HostPort(self)} members={members} unreachable={unreachable} leader={(state.Leader is null ? "none" : HostPort(state.Leader))}");
    }
}
