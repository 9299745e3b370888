using System.Diagnostics;

namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// Sends heartbeats to the members this node monitors, feeds the replies to one phi-accrual failure
/// detector per member, and tells the core daemon when its verdict on a member changes.
/// </summary>
public sealed class ClusterHeartbeatSender : ReceiveActor, IWithTimers
{
    private readonly UniqueAddress _self;
    private readonly FailureDetectorSettings _settings;
    private readonly IActorRef _core;
    private readonly Dictionary<UniqueAddress, Monitored> _monitored = [];
    private long _sequence;

    /// <summary>Creates the sender.</summary>
    public ClusterHeartbeatSender(UniqueAddress self, FailureDetectorSettings settings, IActorRef core)
    {
        _self = self;
        _settings = settings;
        _core = core;
        Receive<HeartbeatMessages.MembersChanged>(OnMembersChanged);
        Receive<HeartbeatMessages.HeartbeatRsp>(OnResponse);
        Receive<HeartbeatMessages.HeartbeatTick>(_ => SendHeartbeats());
        Receive<HeartbeatMessages.CheckTick>(_ => Check());
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    private static double NowMs => Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("heartbeat", new HeartbeatMessages.HeartbeatTick(), _settings.HeartbeatInterval);
        var check = TimeSpan.FromTicks(Math.Clamp(_settings.HeartbeatInterval.Ticks / 4, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromMilliseconds(250).Ticks));
        Timers.StartPeriodicTimer("check", new HeartbeatMessages.CheckTick(), check);
    }

    private void OnMembersChanged(HeartbeatMessages.MembersChanged changed)
    {
        var receivers = HeartbeatNodeRing.Receivers(_self, changed.Members, _settings.MonitoredByNrOfMembers).ToHashSet();

        // Keep monitoring members found unreachable, so that they can become reachable again.
        foreach (var (node, monitored) in _monitored)
        {
            if (!monitored.Available && changed.Members.Contains(node))
            {
                receivers.Add(node);
            }
        }

        foreach (var node in _monitored.Keys.Where(n => !receivers.Contains(n)).ToList())
        {
            _monitored.Remove(node);
        }

        foreach (var node in receivers)
        {
            if (!_monitored.ContainsKey(node))
            {
                var target = ((ExtendedActorSystem)Context.System).ResolveActorRef(node.Address + ClusterDaemonPaths.HeartbeatReceiver);
                _monitored.Add(node, new Monitored(target, new PhiAccrualFailureDetector(_settings), NowMs));
                target.Tell(new HeartbeatMessages.Heartbeat(_self.Address, ++_sequence, DateTime.UtcNow.Ticks), Self);
            }
        }
    }

    private void SendHeartbeats()
    {
        var heartbeat = new HeartbeatMessages.Heartbeat(_self.Address, ++_sequence, DateTime.UtcNow.Ticks);
        foreach (var monitored in _monitored.Values)
        {
            monitored.Target.Tell(heartbeat, Self);
        }
    }

    private void OnResponse(HeartbeatMessages.HeartbeatRsp response)
    {
        if (_monitored.TryGetValue(response.From, out var monitored))
        {
            monitored.Detector.Heartbeat(NowMs);
        }
    }

    private void Check()
    {
        var now = NowMs;
        foreach (var (node, monitored) in _monitored)
        {
            if (!monitored.Detector.IsMonitoring && now - monitored.AddedMs > _settings.ExpectedResponseAfter.TotalMilliseconds)
            {
                // No first reply: monitor as if one had arrived, so a silent member still becomes unreachable.
                monitored.Detector.Heartbeat(now);
            }

            var available = monitored.Detector.IsAvailable(now);
            if (available != monitored.Available)
            {
                monitored.Available = available;
                _core.Tell(new ClusterMessages.ReachabilityChanged(node, available), Self);
            }
        }
    }

    private sealed class Monitored(IActorRef target, PhiAccrualFailureDetector detector, double addedMs)
    {
        public IActorRef Target { get; } = target;

        public PhiAccrualFailureDetector Detector { get; } = detector;

        public double AddedMs { get; } = addedMs;

        public bool Available { get; set; } = true;
    }
}
