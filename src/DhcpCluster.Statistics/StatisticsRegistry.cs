using System.Collections.Concurrent;

namespace DhcpCluster.Statistics;

/// <summary>
/// The statistics of a node, by name. Modules obtain a <see cref="Statistic"/> once (at start-up, or when a subnet
/// appears) and update it without locks; the control commands read <see cref="Snapshot"/>s. Derived statistics
/// (ratios) are computed from others when read.
/// </summary>
public sealed class StatisticsRegistry
{
    private readonly ConcurrentDictionary<string, Statistic> _statistics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<double>> _derived = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ObservedCounter> _observed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (double Value, DateTimeOffset Since)> _lastSeen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>A registry with Kea's packet and lease statistics and ours already present (at zero).</summary>
    public StatisticsRegistry()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A registry reading the time from <paramref name="time"/> (tests).</summary>
    public StatisticsRegistry(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        foreach (var name in GlobalStatistics)
        {
            GetOrAdd(name);
        }

        RegisterDerived(StatisticNames.JournalEventsPerCommit, () =>
        {
            var commits = Read(StatisticNames.JournalCommits);
            return commits == 0 ? 0 : (double)Read(StatisticNames.JournalEvents) / commits;
        });
    }

    /// <summary>The statistics every node has from the start.</summary>
    public static IReadOnlyList<string> GlobalStatistics { get; } =
    [
        StatisticNames.Pkt4Received, StatisticNames.Pkt4DiscoverReceived, StatisticNames.Pkt4RequestReceived,
        StatisticNames.Pkt4DeclineReceived, StatisticNames.Pkt4ReleaseReceived, StatisticNames.Pkt4InformReceived,
        StatisticNames.Pkt4UnknownReceived, StatisticNames.Pkt4Sent, StatisticNames.Pkt4OfferSent, StatisticNames.Pkt4AckSent,
        StatisticNames.Pkt4NakSent, StatisticNames.Pkt4ReceiveDrop, StatisticNames.Pkt4ParseFailed,
        StatisticNames.ReclaimedLeases, StatisticNames.ReclaimedDeclinedAddresses, StatisticNames.Pkt4DuplicateDrop,
        StatisticNames.JournalCommits, StatisticNames.JournalEvents, StatisticNames.LeaseSyncs, StatisticNames.ClientActorsAlive,
    ];

    /// <summary>The statistic of that name, created at zero when new. Keep the instance: updating it is lock-free.</summary>
    /// <exception cref="ArgumentException">The name is empty or names a derived statistic.</exception>
    public Statistic GetOrAdd(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_derived.ContainsKey(name) || _observed.ContainsKey(name))
        {
            throw new ArgumentException($"statistic '{name}' is computed or observed elsewhere and cannot be updated", nameof(name));
        }

        return _statistics.GetOrAdd(name, static n => new Statistic(n));
    }

    /// <summary>
    /// Adds a statistic computed when read: a ratio of two counters, or a counter another module keeps itself
    /// (e.g. <c>registry.RegisterDerived("pkt4-received", () => serverStatistics.Received)</c>). A plain counter of the
    /// same name is replaced (whoever holds that <see cref="Statistic"/> instance no longer shows in the commands).
    /// Derived statistics cannot be reset.
    /// </summary>
    /// <exception cref="ArgumentException">A derived statistic of that name exists.</exception>
    public void RegisterDerived(string name, Func<double> compute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(compute);
        if (_observed.ContainsKey(name) || !_derived.TryAdd(name, compute))
        {
            throw new ArgumentException($"derived statistic '{name}' already exists", nameof(name));
        }

        _statistics.TryRemove(name, out _);
        _lastSeen.TryRemove(name, out _);
    }

    /// <summary>
    /// Adds a counter another module keeps itself (a field it increments on its own path), read only when a command
    /// asks. Resetting it (<c>statistic-reset</c>) remembers the source's current value as the new zero, so it reads 0
    /// and counts on from there as Kea's reset does, without touching the source. A plain counter of the same name
    /// is replaced.
    /// </summary>
    /// <exception cref="ArgumentException">A derived or observed statistic of that name exists.</exception>
    public void RegisterObserved(string name, Func<long> read)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(read);
        if (_derived.ContainsKey(name) || !_observed.TryAdd(name, new ObservedCounter(read)))
        {
            throw new ArgumentException($"statistic '{name}' is already computed or observed", nameof(name));
        }

        _statistics.TryRemove(name, out _);
        _lastSeen.TryRemove(name, out _);
    }

    /// <summary>True when the statistic is computed from others (cannot be reset or updated).</summary>
    public bool IsDerived(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _derived.ContainsKey(name);
    }

    /// <summary>Removes a statistic (a subnet that left the configuration); false when there was none.</summary>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _lastSeen.TryRemove(name, out _);
        return _statistics.TryRemove(name, out _) | _derived.TryRemove(name, out _) | _observed.TryRemove(name, out _);
    }

    /// <summary>The sample of one statistic; false when no statistic has that name.</summary>
    public bool TryGetSample(string name, out StatisticSample sample)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_statistics.TryGetValue(name, out var statistic))
        {
            sample = Observe(name, statistic.Value, _time.GetUtcNow());
            return true;
        }

        if (_observed.TryGetValue(name, out var observed))
        {
            sample = Observe(name, observed.Value, _time.GetUtcNow());
            return true;
        }

        if (_derived.TryGetValue(name, out var compute))
        {
            sample = Observe(name, compute(), _time.GetUtcNow());
            return true;
        }

        sample = default;
        return false;
    }

    /// <summary>
    /// Every statistic, ordered by name. The counters themselves carry no time (that would cost the packet path a clock
    /// read per update); a sample's timestamp is when a read first saw its current value.
    /// </summary>
    public IReadOnlyList<StatisticSample> Snapshot()
    {
        var now = _time.GetUtcNow();
        var samples = new List<StatisticSample>(_statistics.Count + _observed.Count + _derived.Count);
        foreach (var (name, statistic) in _statistics)
        {
            samples.Add(Observe(name, statistic.Value, now));
        }

        foreach (var (name, observed) in _observed)
        {
            samples.Add(Observe(name, observed.Value, now));
        }

        foreach (var (name, compute) in _derived)
        {
            samples.Add(Observe(name, compute(), now));
        }

        samples.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return samples;
    }

    /// <summary>Sets one statistic back to zero; false when no resettable statistic has that name.</summary>
    public bool Reset(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_statistics.TryGetValue(name, out var statistic))
        {
            statistic.Reset();
            return true;
        }

        if (_observed.TryGetValue(name, out var observed))
        {
            observed.Reset();
            return true;
        }

        return false;
    }

    /// <summary>Sets every statistic back to zero (derived ones follow their inputs).</summary>
    public void ResetAll()
    {
        foreach (var statistic in _statistics.Values)
        {
            statistic.Reset();
        }

        foreach (var observed in _observed.Values)
        {
            observed.Reset();
        }
    }

    private long Read(string name) =>
        _statistics.TryGetValue(name, out var statistic) ? statistic.Value
        : _observed.TryGetValue(name, out var observed) ? observed.Value
        : 0;

    private StatisticSample Observe(string name, double value, DateTimeOffset now)
    {
        var seen = _lastSeen.AddOrUpdate(
            name,
            static (_, arg) => (arg.value, arg.now),
            static (_, previous, arg) => previous.Value.Equals(arg.value) ? previous : (arg.value, arg.now),
            (value, now));
        return new StatisticSample(name, value, seen.Since);
    }

    /// <summary>A counter kept elsewhere, shown relative to the value it had at the last reset.</summary>
    private sealed class ObservedCounter(Func<long> read)
    {
        private long _baseline;

        public long Value => read() - Volatile.Read(ref _baseline);

        public void Reset() => Volatile.Write(ref _baseline, read());
    }
}
