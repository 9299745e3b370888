namespace DhcpCluster.Actors.Cluster;

/// <summary>A split-brain strategy: given one side's view, which side survives. Pure, so each strategy is unit-tested alone.</summary>
public abstract class DowningStrategy
{
    /// <summary>The strategy's name (as in active-strategy).</summary>
    public abstract string Name { get; }

    /// <summary>The decision for this side.</summary>
    public abstract DowningDecision Decide(SplitBrainView view);

    /// <summary>Creates the strategy the settings name (lease-majority decides its side like keep-majority, then asks the lease).</summary>
    /// <exception cref="ArgumentException">For off or an unknown name.</exception>
    public static DowningStrategy Create(SplitBrainResolverSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ActiveStrategy switch
        {
            "keep-majority" or "lease-majority" => new KeepMajority(settings.Role),
            "keep-oldest" => new KeepOldest(settings.DownIfAlone, settings.Role),
            "static-quorum" => new StaticQuorum(settings.QuorumSize, settings.Role),
            "down-all" => new DownAll(),
            _ => throw new ArgumentException($"No downing strategy '{settings.ActiveStrategy}'.", nameof(settings)),
        };
    }
}
