namespace DhcpCluster.Hocon.Keys;

/// <summary>
/// Marks a static class whose <c>public static readonly ConfigKey</c> fields declare the configuration keys a module
/// reads; <see cref="ConfigKeyRegistry.Discover(IEnumerable{System.Reflection.Assembly})"/> finds them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ConfigKeyCatalogAttribute : Attribute
{
    /// <summary>Marks a catalog; <paramref name="module"/> names the module in documentation (defaults to the assembly name).</summary>
    public ConfigKeyCatalogAttribute(string? module = null) => Module = module;

    /// <summary>The module the keys belong to (the <c>## </c> heading in HOCON-reference.md); null means the assembly name.</summary>
    public string? Module { get; }
}
