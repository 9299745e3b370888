using System.Collections.Immutable;

namespace DhcpCluster.Actors.Cluster;

/// <summary>A vector clock: one counter per node that changed the gossip.</summary>
public sealed class VectorClock
{
    private VectorClock(ImmutableSortedDictionary<string, long> versions) => Versions = versions;

    /// <summary>The empty clock.</summary>
    public static VectorClock Empty { get; } = new(ImmutableSortedDictionary.Create<string, long>(StringComparer.Ordinal));

    /// <summary>Counter per node.</summary>
    public ImmutableSortedDictionary<string, long> Versions { get; }

    /// <summary>Builds a clock from counters.</summary>
    public static VectorClock From(IEnumerable<KeyValuePair<string, long>> versions) => new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, versions));

    /// <summary>This clock with the node's counter incremented.</summary>
    public VectorClock Increment(string node) => new(Versions.SetItem(node, Versions.GetValueOrDefault(node) + 1));

    /// <summary>The pointwise maximum of two clocks.</summary>
    public VectorClock Merge(VectorClock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var builder = Versions.ToBuilder();
        foreach (var (node, counter) in other.Versions)
        {
            if (builder.GetValueOrDefault(node) < counter)
            {
                builder[node] = counter;
            }
        }

        return new VectorClock(builder.ToImmutable());
    }

    /// <summary>How this clock relates to <paramref name="other"/>.</summary>
    public ClockOrdering CompareTo(VectorClock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var less = false;
        var greater = false;
        foreach (var node in Versions.Keys.Union(other.Versions.Keys, StringComparer.Ordinal))
        {
            var mine = Versions.GetValueOrDefault(node);
            var theirs = other.Versions.GetValueOrDefault(node);
            less |= mine < theirs;
            greater |= mine > theirs;
        }

        return (less, greater) switch
        {
            (false, false) => ClockOrdering.Same,
            (true, false) => ClockOrdering.Before,
            (false, true) => ClockOrdering.After,
            _ => ClockOrdering.Concurrent,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Versions.Select(v => $"{v.Key}={v.Value}"));
}
