using System.Globalization;

namespace DhcpCluster.Actors.Cluster.Benchmarks;

/// <summary>Records when this node saw the victim downed and removed.</summary>
public sealed class DowningWatcher : ReceiveActor
{
    public DowningWatcher(string port, Action<DateTime> downed, Action<DateTime> removed)
    {
        var victim = int.Parse(port, CultureInfo.InvariantCulture);
        Receive<ClusterEvent.MemberDowned>(d =>
        {
            if (d.Member.Address.Port == victim)
            {
                downed(d.Timestamp);
            }
        });
        Receive<ClusterEvent.MemberRemoved>(r =>
        {
            if (r.Member.Address.Port == victim)
            {
                removed(r.Timestamp);
            }
        });
    }
}
