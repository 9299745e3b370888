using System.Collections.Immutable;

namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// The failure detectors' observations in the gossip: per observer, the members it finds unreachable.
/// Merging keeps, for each observer, the record with the higher version (only the observer writes it).
/// </summary>
public sealed class Reachability
{
    private Reachability(ImmutableDictionary<UniqueAddress, ObserverRecord> observers) => Observers = observers;

    /// <summary>No observations.</summary>
    public static Reachability Empty { get; } = new(ImmutableDictionary<UniqueAddress, ObserverRecord>.Empty);

    /// <summary>Records per observer.</summary>
    public ImmutableDictionary<UniqueAddress, ObserverRecord> Observers { get; }

    /// <summary>Builds from records.</summary>
    public static Reachability From(IEnumerable<KeyValuePair<UniqueAddress, ObserverRecord>> records) => new(records.ToImmutableDictionary());

    /// <summary>The observer now finds <paramref name="subject"/> unreachable (or reachable again).</summary>
    public Reachability WithObservation(UniqueAddress observer, UniqueAddress subject, bool reachable)
    {
        var record = Observers.GetValueOrDefault(observer) ?? new ObserverRecord(0, []);
        var set = reachable ? record.Unreachable.Remove(subject) : record.Unreachable.Add(subject);
        return ReferenceEquals(set, record.Unreachable) ? this : new Reachability(Observers.SetItem(observer, new ObserverRecord(record.Version + 1, set)));
    }

    /// <summary>Members that some live observer (one of <paramref name="liveObservers"/>) finds unreachable.</summary>
    public ImmutableHashSet<UniqueAddress> UnreachableAsSeenBy(IReadOnlySet<UniqueAddress> liveObservers)
    {
        var result = ImmutableHashSet.CreateBuilder<UniqueAddress>();
        foreach (var (observer, record) in Observers)
        {
            if (liveObservers.Contains(observer))
            {
                result.UnionWith(record.Unreachable);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Per observer, the higher version wins.</summary>
    public Reachability Merge(Reachability other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var builder = Observers.ToBuilder();
        foreach (var (observer, record) in other.Observers)
        {
            if (!builder.TryGetValue(observer, out var mine) || mine.Version < record.Version)
            {
                builder[observer] = record;
            }
        }

        return new Reachability(builder.ToImmutable());
    }

    /// <summary>Drops the records of and about removed members.</summary>
    public Reachability Without(IReadOnlySet<UniqueAddress> removed)
    {
        if (removed.Count == 0)
        {
            return this;
        }

        var builder = ImmutableDictionary.CreateBuilder<UniqueAddress, ObserverRecord>();
        foreach (var (observer, record) in Observers)
        {
            if (!removed.Contains(observer))
            {
                builder[observer] = record with { Unreachable = record.Unreachable.Except(removed) };
            }
        }

        return new Reachability(builder.ToImmutable());
    }

    /// <summary>True when both hold the same records.</summary>
    public bool SameAs(Reachability other) =>
        Observers.Count == other.Observers.Count
        && Observers.All(o => other.Observers.TryGetValue(o.Key, out var r) && r.Version == o.Value.Version);
}
