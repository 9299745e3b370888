using System.Reflection;

namespace DhcpCluster.Hocon.Keys;

/// <summary>A key found by <see cref="ConfigKeyRegistry"/>, with where it is declared.</summary>
/// <param name="Key">The key.</param>
/// <param name="Catalog">The <c>[ConfigKeyCatalog]</c> class declaring it.</param>
/// <param name="FieldName">The static field holding it.</param>
/// <param name="Module">The module name of the catalog (its attribute's, else the assembly name).</param>
public sealed record ConfigKeyDeclaration(ConfigKey Key, Type Catalog, string FieldName, string Module)
{
    /// <summary>The assembly declaring the key.</summary>
    public Assembly Assembly => Catalog.Assembly;
}
