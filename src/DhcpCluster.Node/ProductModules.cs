using System.Reflection;

namespace DhcpCluster.Node;

/// <summary>The assemblies whose embedded reference.conf and declared configuration keys make up a node.</summary>
public static class ProductModules
{
    public static IReadOnlyList<Assembly> All { get; } =
    [
        typeof(Hocon.Config).Assembly,
        typeof(Actors.ActorSystem).Assembly,
        typeof(Actors.Persistence.PersistenceStore).Assembly,
        typeof(Server.Hosting.DhcpServer).Assembly,
        typeof(ProductModules).Assembly,
    ];
}
