using System.Globalization;
using System.Reflection;
using DhcpCluster.Actors.Persistence.Configuration;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;
using DhcpCluster.Hocon.Values;
using DhcpCluster.Server.Configuration;

namespace DhcpCluster.Node.Configuration;

/// <summary>
/// Validates a node configuration against the keys the modules declare: every declared key that is set
/// (also inside list elements) must read as its type, and every key that is set must be declared.
/// An undeclared key under <c>dhcp-cluster</c> is an error (a typo would otherwise be silently ignored). Under
/// <c>Dhcp4</c> an undeclared key is judged by Kea's grammar (<see cref="KeaKeyNames"/>): one of Kea's key names
/// is a warning (not supported yet), any other name an error; Kea's <c>comment</c> and <c>user-context</c> are
/// accepted anywhere. A section <c>dhcp-cluster.actor.&lt;id&gt;</c> with a <c>type</c> is a dispatcher and is checked
/// against the default dispatcher's keys. <see cref="Run"/> adds what the Dhcp4 binder finds (pools, subnets, options, classes...).
/// </summary>
public static class ConfigurationCheck
{
    private const string RuntimeRoot = "dhcp-cluster";
    private const string DhcpRoot = "Dhcp4";
    private const string ActorSectionPrefix = "dhcp-cluster.actor.";
    private static readonly string DefaultDispatcherPattern = ActorConfigKeys.Throughput.Path[..ActorConfigKeys.Throughput.Path.LastIndexOf('.')];

    /// <summary>Loads <paramref name="path"/> over the modules' reference configurations and checks it.</summary>
    public static IReadOnlyList<ConfigProblem> Run(string path, IReadOnlyList<Assembly> modules)
    {
        Config config;
        try
        {
            config = ConfigFactory.Load(path, [.. modules]);
        }
        catch (ConfigException ex)
        {
            return [ConfigProblem.From(ex)];
        }

        return CheckLoaded(config, modules);
    }

    /// <summary>Checks an application configuration already parsed (<c>config-test</c>), over the modules' reference configurations.</summary>
    public static IReadOnlyList<ConfigProblem> Run(Config application, IReadOnlyList<Assembly> modules)
    {
        ArgumentNullException.ThrowIfNull(application);
        Config config;
        try
        {
            config = ConfigFactory.Load(application, [.. modules]);
        }
        catch (ConfigException ex)
        {
            return [ConfigProblem.From(ex)];
        }

        return CheckLoaded(config, modules);
    }

    private static IReadOnlyList<ConfigProblem> CheckLoaded(Config config, IReadOnlyList<Assembly> modules)
    {
        var problems = new List<ConfigProblem>(Check(config, ConfigKeyRegistry.Discover(modules)));
        if (config.HasPath(DhcpRoot))
        {
            var reported = problems.Select(p => (p.Origin, p.Path)).ToHashSet();
            foreach (var problem in ServerConfigurationBinder.Bind(config).Problems)
            {
                // A wrong type is found by both the key check and the binder: report it once.
                if (reported.Add((problem.Origin, problem.Path)))
                {
                    problems.Add(new ConfigProblem(
                        problem.IsError ? ConfigProblemSeverity.Error : ConfigProblemSeverity.Warning, problem.Origin, problem.Path, problem.Problem));
                }
            }
        }

        try
        {
            // The journal's keys whose values have an allowed set (durability, provider...): a node would fail at start.
            _ = PersistenceSettings.FromConfig(config, new SerializerRegistry());
        }
        catch (ConfigException ex)
        {
            problems.Add(ConfigProblem.From(ex));
        }

        // In the order of the file, so an operator reads them top to bottom (stable: same position keeps its order).
        return [.. problems.OrderBy(p => p.Origin.File, StringComparer.Ordinal).ThenBy(p => p.Origin.Line).ThenBy(p => p.Origin.Column)];
    }

    public static IReadOnlyList<ConfigProblem> Check(Config config, IReadOnlyList<ConfigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(keys);
        var problems = new List<ConfigProblem>();
        foreach (var key in keys)
        {
            ReadWherever(config, key, key.Path.Split('.'), 0, problems);
        }

        var declared = keys.ToDictionary(k => k.Path, StringComparer.Ordinal);
        foreach (var (name, value) in config.Root.Fields)
        {
            var severity = name switch
            {
                RuntimeRoot => ConfigProblemSeverity.Error,
                DhcpRoot => ConfigProblemSeverity.Warning,
                _ => ConfigProblemSeverity.Warning,
            };
            if (name is RuntimeRoot or DhcpRoot && value is ConfigObject rootObject)
            {
                // Our own roots are never "unknown" as a whole: each key under them is judged.
                WalkFields(name, name, rootObject, declared, severity, problems);
            }
            else
            {
                Walk(name, name, value, declared, severity, problems);
            }
        }

        return problems;
    }

    /// <summary>Reads <paramref name="key"/> from every list element it lives in, collecting type errors.</summary>
    private static void ReadWherever(Config config, ConfigKey key, string[] segments, int from, List<ConfigProblem> problems)
    {
        var listAt = Array.FindIndex(segments, from, s => s.EndsWith("[]", StringComparison.Ordinal));
        if (listAt < 0)
        {
            ReadOne(config, key, problems);
            return;
        }

        var listPath = string.Join('.', segments[from..(listAt + 1)])[..^2];
        try
        {
            if (!config.HasPath(listPath))
            {
                return;
            }

            foreach (var element in config.GetConfigList(listPath))
            {
                ReadWherever(element, key, segments, listAt + 1, problems);
            }
        }
        catch (ConfigException ex)
        {
            // The list itself is of the wrong shape; its own key reports it, once.
            if (!problems.Exists(p => p.Origin == ex.Origin && string.Equals(p.Path, ex.Path, StringComparison.Ordinal)))
            {
                problems.Add(ConfigProblem.From(ex));
            }
        }
    }

    private static void ReadOne(Config config, ConfigKey key, List<ConfigProblem> problems)
    {
        try
        {
            if (!config.HasPath(key))
            {
                return;
            }

            _ = key.Type switch
            {
                ConfigValueType.String => config.GetString(key),
                ConfigValueType.Boolean => config.GetBoolean(key),
                ConfigValueType.Int => config.GetInt(key),
                ConfigValueType.Long => config.GetLong(key),
                ConfigValueType.Double => config.GetDouble(key),
                ConfigValueType.Duration => config.GetDuration(key),
                ConfigValueType.ByteSize => config.GetByteSize(key),
                ConfigValueType.StringList => config.GetStringList(key),
                ConfigValueType.IntList => config.GetIntList(key),
                ConfigValueType.Object => config.GetConfig(key),
                ConfigValueType.ObjectList => config.GetConfigList(key),
                _ => (object)config.GetValue(key),
            };
        }
        catch (ConfigException ex)
        {
            problems.Add(ConfigProblem.From(ex));
        }
    }

    /// <summary>Reports every key that is set but declared by no module.</summary>
    private static void Walk(string pattern, string position, ConfigValue value, Dictionary<string, ConfigKey> declared, ConfigProblemSeverity severity, List<ConfigProblem> problems)
    {
        if (declared.TryGetValue(pattern, out var key))
        {
            switch (key.Type)
            {
                case ConfigValueType.ObjectList when value is ConfigArray list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list.Items[i] is ConfigObject element)
                        {
                            WalkFields(pattern + "[]", string.Create(CultureInfo.InvariantCulture, $"{position}[{i}]"), element, declared, severity, problems);
                        }
                    }

                    return;
                case ConfigValueType.Object when value is ConfigObject obj && HasDeclaredChildren(pattern, declared):
                    WalkFields(pattern, position, obj, declared, severity, problems);
                    return;
                default:
                    // A scalar, a scalar list, or a free-form object the module reads as a whole.
                    return;
            }
        }

        if (value is ConfigObject fields && HasDeclaredChildren(pattern, declared))
        {
            WalkFields(pattern, position, fields, declared, severity, problems);
            return;
        }

        if (value is ConfigObject dispatcher && IsDispatcherSection(pattern, dispatcher))
        {
            // A dispatcher of the user's own (dhcp-cluster.actor.<id> with a type): it has the default dispatcher's keys.
            WalkFields(DefaultDispatcherPattern, position, dispatcher, declared, severity, problems);
            return;
        }

        if (pattern.StartsWith(DhcpRoot + ".", StringComparison.Ordinal))
        {
            var name = pattern[(pattern.LastIndexOf('.') + 1)..];
            if (name is "comment" or "user-context")
            {
                return;
            }

            var known = KeaKeyNames.IsKeaKey(name);
            problems.Add(new ConfigProblem(
                known ? ConfigProblemSeverity.Warning : ConfigProblemSeverity.Error, value.Origin, position, known ? KeaKeyNames.NotSupportedYet : KeaKeyNames.UnknownKey));
            return;
        }

        var problem = severity == ConfigProblemSeverity.Error ? "unknown key" : "not supported (yet): the key is ignored";
        problems.Add(new ConfigProblem(severity, value.Origin, position, problem));
    }

    private static void WalkFields(string pattern, string position, ConfigObject obj, Dictionary<string, ConfigKey> declared, ConfigProblemSeverity severity, List<ConfigProblem> problems)
    {
        foreach (var (name, child) in obj.Fields)
        {
            Walk(pattern + "." + name, position + "." + name, child, declared, severity, problems);
        }
    }

    private static bool IsDispatcherSection(string pattern, ConfigObject section) =>
        pattern.StartsWith(ActorSectionPrefix, StringComparison.Ordinal)
        && pattern.IndexOf('.', ActorSectionPrefix.Length) < 0
        && section.Fields.Any(f => string.Equals(f.Key, "type", StringComparison.Ordinal));

    private static bool HasDeclaredChildren(string pattern, Dictionary<string, ConfigKey> declared)
    {
        var prefix = pattern + ".";
        foreach (var path in declared.Keys)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
