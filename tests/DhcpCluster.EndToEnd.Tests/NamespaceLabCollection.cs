namespace DhcpCluster.EndToEnd.Tests;

/// <summary>Namespace labs run one at a time: they share two cores with the servers they measure.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NamespaceLabCollection
{
    public const string Name = "namespace labs";
}
