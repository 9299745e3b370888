using System.Reflection;
using DhcpCluster.Hocon.Parsing;
using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon;

/// <summary>
/// Creates configurations. <c>Parse*</c> methods resolve substitutions at the end of the parse; the
/// <c>*Unresolved</c> variants leave them for <see cref="Config.Resolve()"/> after merging with fallbacks, which is how
/// an application file refers to keys defined in a module's reference.conf (<see cref="Load(string, Assembly[])"/>).
/// </summary>
public static class ConfigFactory
{
    /// <summary>Suffix of the embedded resource name of a module's defaults (<c>ProjectName.reference.conf</c>).</summary>
    public const string ReferenceResourceSuffix = "reference.conf";

    /// <summary>A configuration with no keys.</summary>
    public static Config Empty { get; } = new(ConfigObject.Empty(new ConfigOrigin("<empty config>", 0, 0)));

    /// <summary>A configuration over a value tree built in code.</summary>
    public static Config FromObject(ConfigObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new Config(root);
    }

    /// <summary>Parses HOCON text and resolves its substitutions.</summary>
    /// <param name="text">The text.</param>
    /// <param name="originName">Name used in error messages in place of a file name.</param>
    public static Config ParseString(string text, string originName = "<string>") =>
        ParseStringUnresolved(text, originName).Resolve();

    /// <summary>Parses HOCON text with options and resolves its substitutions.</summary>
    public static Config ParseString(string text, string originName, ConfigParseOptions options) =>
        ParseStringUnresolved(text, originName, options).Resolve();

    /// <summary>Parses HOCON text without resolving substitutions.</summary>
    public static Config ParseStringUnresolved(string text, string originName = "<string>", ConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(originName);
        var context = new ParseContext(options ?? ConfigParseOptions.Default);
        return new Config(Parser.ParseDocument(text, originName, filePath: null, ConfigPath.Root, context));
    }

    /// <summary>Parses a HOCON (or JSON) file and resolves its substitutions; includes are relative to the file.</summary>
    /// <exception cref="ConfigException">The file is missing or unreadable, or does not parse or resolve.</exception>
    public static Config ParseFile(string path, ConfigParseOptions? options = null) =>
        ParseFileUnresolved(path, options).Resolve();

    /// <summary>Parses a file without resolving substitutions.</summary>
    public static Config ParseFileUnresolved(string path, ConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot read the file: " + e.Message;
            throw new ConfigException(new ConfigOrigin(path, 0, 0), string.Empty, problem, e);
        }

        var context = new ParseContext(options ?? ConfigParseOptions.Default);
        context.IncludeChain.Add(fullPath);
        context.IncludeChainNames.Add(path);
        return new Config(Parser.ParseDocument(text, path, fullPath, ConfigPath.Root, context));
    }

    /// <summary>Parses an embedded resource and resolves its substitutions.</summary>
    /// <exception cref="ConfigException">There is no such resource, or it does not parse or resolve.</exception>
    public static Config FromResource(Assembly assembly, string resourceName) =>
        FromResourceUnresolved(assembly, resourceName).Resolve();

    /// <summary>Parses an embedded resource without resolving substitutions.</summary>
    public static Config FromResourceUnresolved(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        var text = ReadResource(assembly, resourceName);
        return ParseStringUnresolved(text, assembly.GetName().Name + ":" + resourceName);
    }

    /// <summary>
    /// Every embedded <c>*.reference.conf</c> of the given assemblies merged (earlier assemblies win a conflict),
    /// resolved: the defaults modules ship, as Akka's reference.conf files.
    /// </summary>
    public static Config ReferenceConfig(params Assembly[] assemblies) => ReferenceConfigUnresolved(assemblies).Resolve();

    /// <summary>The merged reference configurations, not resolved (to be used as a fallback before resolving).</summary>
    public static Config ReferenceConfigUnresolved(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var merged = Empty;
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
            {
                if (name.EndsWith("." + ReferenceResourceSuffix, StringComparison.Ordinal) || string.Equals(name, ReferenceResourceSuffix, StringComparison.Ordinal))
                {
                    merged = merged.WithFallback(FromResourceUnresolved(assembly, name));
                }
            }
        }

        return merged;
    }

    /// <summary>
    /// Loads an application configuration file over the reference configurations of the given assemblies, then
    /// resolves, so the file may refer to (and extend with <c>+=</c> or <c>${path}</c>) keys defined by the modules.
    /// </summary>
    public static Config Load(string path, params Assembly[] referenceAssemblies) =>
        ParseFileUnresolved(path).WithFallback(ReferenceConfigUnresolved(referenceAssemblies)).Resolve();

    /// <summary>Like <see cref="Load(string, Assembly[])"/> for an already parsed (unresolved) configuration.</summary>
    public static Config Load(Config application, params Assembly[] referenceAssemblies)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.WithFallback(ReferenceConfigUnresolved(referenceAssemblies)).Resolve();
    }

    internal static string ReadResource(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new ConfigException(new ConfigOrigin(assembly.GetName().Name + ":" + resourceName, 0, 0), string.Empty, "no embedded resource of that name");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
