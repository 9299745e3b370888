using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Cluster;

/// <summary>The join, gossip, leader and downing protocol of the core daemon.</summary>
public sealed partial class ClusterCoreDaemon
{
    private void StartJoin(IReadOnlyList<Address> seeds)
    {
        if (_joined)
        {
            _log.LogWarning("CLUSTER_ALREADY_JOINED {Self}: ignoring join to {Seeds}", _self.Address, string.Join(", ", seeds));
            return;
        }

        _seeds = seeds;
        _joinStarted = DateTime.UtcNow;
        _joinSentAt = null;
        if (seeds.Count == 1 && seeds[0].Equals(_self.Address))
        {
            JoinSelf();
            return;
        }

        var interval = TimeSpan.FromTicks(Math.Clamp(_settings.SeedNodeTimeout.Ticks / 5, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(1).Ticks));
        Timers.StartPeriodicTimer("join", new ClusterMessages.JoinTick(), TimeSpan.Zero, interval);
    }

    private void JoinTick()
    {
        if (_joined)
        {
            Timers.Cancel("join");
            return;
        }

        var now = DateTime.UtcNow;
        if (_joinSentAt is { } sent && now - sent < _settings.RetryUnsuccessfulJoinAfter)
        {
            return;
        }

        _joinSentAt = null;
        foreach (var seed in _seeds)
        {
            if (!seed.Equals(_self.Address))
            {
                CoreAt(seed).Tell(new ClusterMessages.InitJoin(_self.Address), Self);
            }
        }

        if (_seeds.Count > 0 && _seeds[0].Equals(_self.Address) && now - _joinStarted >= _settings.SeedNodeTimeout)
        {
            _log.LogInformation("CLUSTER_FIRST_SEED {Self}: no other seed answered within {Timeout}; forming a new cluster", _self.Address, _settings.SeedNodeTimeout);
            JoinSelf();
        }
    }

    private void JoinSelf()
    {
        Timers.Cancel("join");
        _joined = true;
        SetGossip(Gossip.Empty.Update(_self, new Member(_self, MemberStatus.Joining, _settings.Roles, 0)));
    }

    private void OnInitJoin(ClusterMessages.InitJoin initJoin)
    {
        if (_joined && !_shuttingDown && _gossip.Members.TryGetValue(_self, out var me) && me.Status is not (MemberStatus.Down or MemberStatus.Exiting))
        {
            Sender.Tell(new ClusterMessages.InitJoinAck(_self.Address), Self);
        }
    }

    private void OnInitJoinAck(ClusterMessages.InitJoinAck ack)
    {
        if (_joined || _joinSentAt is not null)
        {
            return;
        }

        _joinSentAt = DateTime.UtcNow;
        _log.LogInformation("CLUSTER_JOINING {Self} through {Seed}", _self.Address, ack.Address);
        CoreAt(ack.Address).Tell(new ClusterMessages.Join(_self, _settings.Roles), Self);
    }

    private void OnJoin(ClusterMessages.Join join)
    {
        if (!_joined || _shuttingDown || _gossip.Tombstones.Contains(join.Node) || _transport.IsQuarantined(join.Node.Address, join.Node.Uid))
        {
            return;
        }

        var existing = _gossip.MemberAt(join.Node.Address);
        if (existing is not null && !existing.UniqueAddress.Equals(join.Node))
        {
            if (existing.Status != MemberStatus.Down)
            {
                OnDownMembers([existing.UniqueAddress], $"a new incarnation {join.Node.Uid} of {join.Node.Address} is joining");
            }

            return;
        }

        if (existing is null)
        {
            UpdateAndSpread(_gossip.Update(_self, new Member(join.Node, MemberStatus.Joining, join.Roles, 0)));
        }

        Sender.Tell(new ClusterMessages.Welcome(_self, _gossip), Self);
    }

    private void OnWelcome(ClusterMessages.Welcome welcome)
    {
        if (_joined || !welcome.Gossip.HasMember(_self))
        {
            return;
        }

        _joined = true;
        Timers.Cancel("join");
        _log.LogInformation("CLUSTER_WELCOMED {Self} by {From}", _self.Address, welcome.From.Address);
        SetGossip(welcome.Gossip.SeenBy(_self));
        CoreAt(welcome.From.Address).Tell(new ClusterMessages.GossipEnvelope(_self, welcome.From, _gossip), Self);
    }

    private void OnGossip(ClusterMessages.GossipEnvelope envelope)
    {
        var remote = envelope.Gossip;
        if (!envelope.To.Equals(_self) || !_joined || _shuttingDown || _gossip.Tombstones.Contains(envelope.From))
        {
            return;
        }

        if (remote.Tombstones.Contains(_self))
        {
            ShutdownSelf($"removed from the cluster (gossip from {envelope.From.Address})");
            return;
        }

        var ordering = remote.Version.CompareTo(_gossip.Version);
        if (!remote.HasMember(_self) || (!_gossip.HasMember(envelope.From) && ordering is ClockOrdering.Before or ClockOrdering.Same))
        {
            return;
        }

        var (merged, reply) = ordering switch
        {
            ClockOrdering.Same => (_gossip with { Seen = _gossip.Seen.Union(remote.Seen) }, false),
            ClockOrdering.Before => (_gossip, true),
            ClockOrdering.After => (remote, false),
            _ => (_gossip.Merge(remote), true),
        };
        merged = merged.SeenBy(_self);
        if (!merged.SameStateAs(_gossip) || ordering != ClockOrdering.Same)
        {
            SetGossip(merged);
        }

        if (reply)
        {
            CoreAt(envelope.From.Address).Tell(new ClusterMessages.GossipEnvelope(_self, envelope.From, _gossip), Self);
        }
    }

    private List<Member> GossipCandidates()
    {
        var unreachable = _gossip.UnreachableExcept(_self);
        return _gossip.Members.Values
            .Where(m => !m.UniqueAddress.Equals(_self) && !unreachable.Contains(m.UniqueAddress) && m.Status != MemberStatus.Down)
            .ToList();
    }

    private void GossipToRandomMember()
    {
        if (!_joined || _shuttingDown)
        {
            return;
        }

        var candidates = GossipCandidates();
        if (candidates.Count == 0)
        {
            return;
        }

        var unseen = candidates.Where(m => !_gossip.Seen.Contains(m.UniqueAddress)).ToList();
        var pool = unseen.Count > 0 && Random.Shared.Next(3) != 0 ? unseen : candidates;
        var target = pool[Random.Shared.Next(pool.Count)];
        CoreAt(target.Address).Tell(new ClusterMessages.GossipEnvelope(_self, target.UniqueAddress, _gossip), Self);
    }

    private void UpdateAndSpread(Gossip gossip, IEnumerable<UniqueAddress>? alsoTo = null)
    {
        SetGossip(gossip);
        foreach (var member in GossipCandidates().Take(8))
        {
            CoreAt(member.Address).Tell(new ClusterMessages.GossipEnvelope(_self, member.UniqueAddress, _gossip), Self);
        }

        foreach (var node in alsoTo ?? [])
        {
            CoreAt(node.Address).Tell(new ClusterMessages.GossipEnvelope(_self, node, _gossip), Self);
        }
    }

    private void LeaderActions()
    {
        if (!_joined || _shuttingDown || !Equals(_gossip.Leader(_self), _self))
        {
            return;
        }

        if (!_gossip.HasConvergence(_self))
        {
            MoveJoiningToWeaklyUp();
            return;
        }

        var gossip = _gossip;
        var removed = gossip.Members.Values.Where(m => m.Status is MemberStatus.Exiting or MemberStatus.Down && !m.UniqueAddress.Equals(_self)).Select(m => m.UniqueAddress).ToList();
        if (removed.Count > 0)
        {
            _log.LogInformation("CLUSTER_LEADER_REMOVING [{Members}] (leader {Self})", string.Join(", ", removed), _self.Address);
            gossip = gossip.Remove(_self, removed);
        }

        var upNumber = gossip.Members.Values.Select(m => m.UpNumber).DefaultIfEmpty(0).Max();
        if (gossip.Members.Count >= _settings.MinNrOfMembers)
        {
            foreach (var joining in gossip.Members.Values.Where(m => m.Status is MemberStatus.Joining or MemberStatus.WeaklyUp).ToList())
            {
                gossip = gossip.Update(_self, joining with { Status = MemberStatus.Up, UpNumber = joining.UpNumber > 0 ? joining.UpNumber : ++upNumber });
            }
        }

        foreach (var leaving in gossip.Members.Values.Where(m => m.Status == MemberStatus.Leaving).ToList())
        {
            gossip = gossip.Update(_self, leaving.WithStatus(MemberStatus.Exiting));
        }

        if (!ReferenceEquals(gossip, _gossip))
        {
            UpdateAndSpread(gossip, removed);
        }
    }

    private void MoveJoiningToWeaklyUp()
    {
        if (_settings.AllowWeaklyUpMembers <= TimeSpan.Zero)
        {
            return;
        }

        var now = DateTime.UtcNow;
        var gossip = _gossip;
        var unreachable = gossip.UnreachableExcept(_self);
        foreach (var joining in gossip.Members.Values.Where(m => m.Status == MemberStatus.Joining && !unreachable.Contains(m.UniqueAddress)).ToList())
        {
            if (!_joiningSince.TryGetValue(joining.UniqueAddress, out var since))
            {
                _joiningSince[joining.UniqueAddress] = now;
            }
            else if (now - since >= _settings.AllowWeaklyUpMembers)
            {
                gossip = gossip.Update(_self, joining.WithStatus(MemberStatus.WeaklyUp));
            }
        }

        if (!ReferenceEquals(gossip, _gossip))
        {
            UpdateAndSpread(gossip);
        }
    }

    private void OnLeave(ClusterMessages.Leave leave)
    {
        if (_gossip.MemberAt(leave.Address) is { Status: MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up } member)
        {
            _log.LogInformation("CLUSTER_LEAVING {Member}", member.UniqueAddress);
            UpdateAndSpread(_gossip.Update(_self, member.WithStatus(MemberStatus.Leaving)));
        }
    }

    private void OnDownMembers(IReadOnlyList<UniqueAddress> nodes, string reason)
    {
        var gossip = _gossip;
        foreach (var node in nodes)
        {
            if (gossip.Members.TryGetValue(node, out var member) && member.Status != MemberStatus.Down)
            {
                _log.LogWarning("CLUSTER_DOWNING {Member} (was {Status}): {Reason}", node, member.Status, reason);
                gossip = gossip.Update(_self, member.WithStatus(MemberStatus.Down));
            }
        }

        if (!ReferenceEquals(gossip, _gossip))
        {
            UpdateAndSpread(gossip);
        }
    }

    private void OnReachabilityChanged(ClusterMessages.ReachabilityChanged changed)
    {
        if (!_joined || !_gossip.HasMember(changed.Subject))
        {
            return;
        }

        var reachability = _gossip.Reachability.WithObservation(_self, changed.Subject, changed.Reachable);
        if (!ReferenceEquals(reachability, _gossip.Reachability))
        {
            _log.LogInformation("CLUSTER_FAILURE_DETECTOR {Self} finds {Subject} {Verdict}", _self.Address, changed.Subject, changed.Reachable ? "reachable" : "unreachable");
            UpdateAndSpread((_gossip with { Reachability = reachability }).NewVersion(_self));
        }
    }
}
