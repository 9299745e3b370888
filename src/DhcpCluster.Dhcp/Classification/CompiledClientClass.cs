using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Dhcp.Classification;

/// <summary>A client class ready to evaluate: its definition, catalog index and parsed test.</summary>
/// <param name="Definition">The configured class.</param>
/// <param name="Index">Its position in the catalog (configuration order).</param>
/// <param name="Test">The parsed test, or null for a class assigned only by reservations.</param>
/// <param name="DependsOnKnown">Whether the test depends (transitively) on KNOWN/UNKNOWN, so it is evaluated after host lookup.</param>
public sealed record CompiledClientClass(ClientClassDefinition Definition, int Index, ExpressionNode? Test, bool DependsOnKnown)
{
    /// <summary>The class name.</summary>
    public string Name => Definition.Name;
}
