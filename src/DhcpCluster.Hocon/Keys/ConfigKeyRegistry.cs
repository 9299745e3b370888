using System.Reflection;

namespace DhcpCluster.Hocon.Keys;

/// <summary>Finds every configuration key declared in <c>[ConfigKeyCatalog]</c> classes.</summary>
public static class ConfigKeyRegistry
{
    /// <summary>All keys declared in the given assemblies, ordered by path.</summary>
    /// <exception cref="InvalidOperationException">Two declarations of one path disagree on the type.</exception>
    public static IReadOnlyList<ConfigKey> Discover(IEnumerable<Assembly> assemblies) =>
        [.. DiscoverDeclarations(assemblies).Select(d => d.Key).Distinct()];

    /// <summary>All keys declared by the given catalog classes (read whether or not they carry the attribute), ordered by path.</summary>
    /// <exception cref="InvalidOperationException">Two declarations of one path disagree on the type.</exception>
    public static IReadOnlyList<ConfigKey> Discover(IEnumerable<Type> catalogs) =>
        [.. DiscoverDeclarations(catalogs).Select(d => d.Key).Distinct()];

    /// <summary>All key declarations in the <c>[ConfigKeyCatalog]</c> classes of the given assemblies, ordered by path.</summary>
    /// <exception cref="InvalidOperationException">Two declarations of one path disagree on the type.</exception>
    public static IReadOnlyList<ConfigKeyDeclaration> DiscoverDeclarations(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return DiscoverDeclarations(assemblies.Distinct().SelectMany(a => a.GetTypes()).Where(t => t.IsDefined(typeof(ConfigKeyCatalogAttribute), inherit: false)));
    }

    /// <summary>All key declarations of the given catalog classes, ordered by path.</summary>
    /// <exception cref="InvalidOperationException">Two declarations of one path disagree on the type.</exception>
    public static IReadOnlyList<ConfigKeyDeclaration> DiscoverDeclarations(IEnumerable<Type> catalogs)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        var declarations = new List<ConfigKeyDeclaration>();
        foreach (var type in catalogs.Distinct())
        {
            var module = type.GetCustomAttribute<ConfigKeyCatalogAttribute>()?.Module ?? type.Assembly.GetName().Name ?? type.Name;
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (field.FieldType == typeof(ConfigKey) && field.GetValue(null) is ConfigKey key)
                {
                    declarations.Add(new ConfigKeyDeclaration(key, type, field.Name, module));
                }
            }
        }

        foreach (var group in declarations.GroupBy(d => d.Key.Path, StringComparer.Ordinal))
        {
            var types = group.Select(d => d.Key.Type).Distinct().ToList();
            if (types.Count > 1)
            {
                var where = string.Join(", ", group.Select(d => $"{d.Catalog.FullName}.{d.FieldName} ({d.Key.Type})"));
                throw new InvalidOperationException($"configuration key {group.Key} is declared with different types: {where}");
            }
        }

        declarations.Sort((a, b) => string.CompareOrdinal(a.Key.Path, b.Key.Path));
        return declarations;
    }
}
