using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// Decides which side of a partition survives. It waits until membership and reachability have been stable
/// for stable-after, then, on the leader of this side only, applies the strategy and downs the losing members
/// (this node included when its side loses). When unreachability keeps changing for stable-after plus
/// down-all-when-unstable after it started, it downs every member. Every decision is logged with its reason.
/// </summary>
public sealed class SplitBrainResolver : ReceiveActor, IWithTimers
{
    private readonly SplitBrainResolverSettings _settings;
    private readonly IActorRef _core;
    private readonly DowningStrategy _strategy;
    private readonly PostgreSqlLease? _lease;
    private readonly ILogger _log;
    private CurrentClusterState? _state;
    private UniqueAddress? _self;
    private HashSet<UniqueAddress> _unreachable = [];
    private string _membersKey = string.Empty;
    private DateTime _lastChange = DateTime.UtcNow;
    private DateTime? _unstableSince;
    private HashSet<UniqueAddress>? _decidedFor;
    private bool _leasePending;

    /// <summary>Creates the resolver (the lease only for lease-majority).</summary>
    public SplitBrainResolver(SplitBrainResolverSettings settings, IActorRef core, PostgreSqlLease? lease)
    {
        _settings = settings;
        _core = core;
        _lease = lease;
        _strategy = DowningStrategy.Create(settings);
        _log = Context.GetLogger();
        Receive<SplitBrainResolverMessages.StateChanged>(OnStateChanged);
        Receive<SplitBrainResolverMessages.Tick>(_ => Evaluate());
        Receive<SplitBrainResolverMessages.LeaseOutcome>(OnLeaseOutcome);
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        var tick = TimeSpan.FromTicks(Math.Clamp(_settings.StableAfter.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(1).Ticks));
        Timers.StartPeriodicTimer("tick", new SplitBrainResolverMessages.Tick(), tick);
    }

    private static HashSet<UniqueAddress> Unreachable(CurrentClusterState state) =>
        state.Unreachable.Where(m => m.Status != MemberStatus.Down).Select(m => m.UniqueAddress).ToHashSet();

    private void OnStateChanged(SplitBrainResolverMessages.StateChanged changed)
    {
        var now = DateTime.UtcNow;
        var unreachable = Unreachable(changed.State);
        var membersKey = string.Join(',', changed.State.Members.Where(m => m.Status != MemberStatus.Joining).Select(m => m.UniqueAddress + ":" + (int)m.Status));
        if (!unreachable.SetEquals(_unreachable) || !string.Equals(membersKey, _membersKey, StringComparison.Ordinal))
        {
            _lastChange = now;
        }

        if (unreachable.Count == 0)
        {
            _unstableSince = null;
            _decidedFor = null;
        }
        else
        {
            _unstableSince ??= now;
        }

        _state = changed.State;
        _self = changed.Self;
        _unreachable = unreachable;
        _membersKey = membersKey;
    }

    private void Evaluate()
    {
        if (_state is null || _self is null || _leasePending || _unreachable.Count == 0 || !Equals(_state.Leader, _self.Address))
        {
            return;
        }

        if (_decidedFor is not null && _decidedFor.SetEquals(_unreachable))
        {
            return;
        }

        var now = DateTime.UtcNow;
        var stable = now - _lastChange >= _settings.StableAfter;
        if (!stable)
        {
            if (_settings.DownAllWhenUnstable is { } extra && _unstableSince is { } since && now - since > _settings.StableAfter + extra)
            {
                Execute(new DowningDecision(DowningDecisionKind.DownAll, $"down-all-when-unstable: reachability kept changing for {(now - since).TotalSeconds:F1}s (limit {(_settings.StableAfter + extra).TotalSeconds:F1}s)"));
            }

            return;
        }

        var view = new SplitBrainView(_state.Members, _unreachable, _self);
        var decision = _strategy.Decide(view);
        if (_lease is null)
        {
            Execute(decision);
            return;
        }

        AcquireLease(decision);
    }

    private void AcquireLease(DowningDecision majorityView)
    {
        _leasePending = true;
        var minority = majorityView.Kind != DowningDecisionKind.DownUnreachable;
        var delay = minority ? _settings.AcquireLeaseDelayForMinority : TimeSpan.Zero;
        var lease = _lease!;
        var unreachable = _unreachable.ToHashSet();
        var timeout = _settings.LeaseOperationTimeout;
        _log.LogInformation("SBR_LEASE_ACQUIRING {Lease} as the {Side} side (delay {Delay})", lease.Name, minority ? "minority" : "majority", delay);
        _ = Task.Run(async () =>
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay).ConfigureAwait(false);
            }

            using var cts = new CancellationTokenSource(timeout);
            try
            {
                var acquired = await lease.TryAcquireAsync(cts.Token).ConfigureAwait(false);
                return new SplitBrainResolverMessages.LeaseOutcome(acquired, acquired ? "acquired" : "held by another node", majorityView, unreachable);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return new SplitBrainResolverMessages.LeaseOutcome(false, "lease database unreachable: " + e.Message, majorityView, unreachable);
            }
        }).PipeTo(Self);
    }

    private void OnLeaseOutcome(SplitBrainResolverMessages.LeaseOutcome outcome)
    {
        _leasePending = false;
        if (!outcome.Unreachable.SetEquals(_unreachable))
        {
            _log.LogInformation("SBR_LEASE_OUTCOME_STALE reachability changed while acquiring the lease; deciding again when stable");
            return;
        }

        var side = outcome.MajorityView.Kind == DowningDecisionKind.DownUnreachable ? "majority" : "minority";
        Execute(outcome.Acquired
            ? new DowningDecision(DowningDecisionKind.DownUnreachable, $"lease-majority: this {side} side acquired lease {_lease!.Name} ({outcome.Detail})")
            : new DowningDecision(DowningDecisionKind.DownReachable, $"lease-majority: this {side} side did not get lease {_lease!.Name} ({outcome.Detail})"));
    }

    private void Execute(DowningDecision decision)
    {
        var state = _state!;
        var targets = decision.Kind switch
        {
            DowningDecisionKind.DownUnreachable => state.Members.Where(m => _unreachable.Contains(m.UniqueAddress)),
            DowningDecisionKind.DownReachable => state.Members.Where(m => !_unreachable.Contains(m.UniqueAddress)),
            _ => state.Members,
        };
        var downed = targets.Where(m => m.Status != MemberStatus.Down).Select(m => m.UniqueAddress).ToList();
        _decidedFor = _unreachable.ToHashSet();
        _log.LogWarning(
            "SBR_DECISION {Strategy} on {Self}: {Kind}, downing [{Downed}]; reason: {Reason}",
            _settings.ActiveStrategy,
            _self,
            decision.Kind,
            string.Join(", ", downed.Select(d => d.Address)),
            decision.Reason);
        Context.System.EventStream.Publish(new SplitBrainResolverMessages.DecisionTaken(_settings.ActiveStrategy, decision, downed, DateTime.UtcNow));
        _core.Tell(new ClusterMessages.DownMembers(downed, decision.Reason), Self);
    }
}
