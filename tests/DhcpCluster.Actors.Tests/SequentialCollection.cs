namespace DhcpCluster.Actors.Tests;

/// <summary>Tests that measure process-wide quantities (memory) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "sequential";
}
