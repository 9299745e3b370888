using DhcpCluster.Dhcp;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary>
/// Reads declared keys and turns every user mistake into a <see cref="ConfigurationProblem"/> (file, line, column,
/// full key path) instead of an exception, so one check reports all problems of a file.
/// </summary>
internal sealed class ConfigReader
{
    private readonly List<ConfigurationProblem> problems = [];

    /// <summary>The problems in the order of the files (file, line, column); the order found for one position.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems =>
        [.. problems.OrderBy(p => p.Origin.File, StringComparer.Ordinal).ThenBy(p => p.Origin.Line).ThenBy(p => p.Origin.Column)];

    public int ErrorCount { get; private set; }

    public void Error(Config config, ConfigKey key, string problem) => Add(ConfigurationProblemSeverity.Error, config.ErrorAt(key, problem));

    public void Warning(Config config, ConfigKey key, string problem) => Add(ConfigurationProblemSeverity.Warning, config.ErrorAt(key, problem));

    public void Error(Config config, string path, string problem) => Add(ConfigurationProblemSeverity.Error, config.ErrorAt(path, problem));

    public void Add(ConfigurationProblem problem)
    {
        if (problem.IsError)
        {
            ErrorCount++;
        }

        problems.Add(problem);
    }

    private void Add(ConfigurationProblemSeverity severity, ConfigException located) =>
        Add(new ConfigurationProblem(severity, located.Origin, located.Path, located.Problem));

    private T? Read<T>(Config config, ConfigKey key, Func<Config, ConfigKey, T> getter)
        where T : class
    {
        try
        {
            return config.HasPath(key) ? getter(config, key) : null;
        }
        catch (ConfigException e)
        {
            Add(ConfigurationProblemSeverity.Error, e);
            return null;
        }
    }

    private T? ReadValue<T>(Config config, ConfigKey key, Func<Config, ConfigKey, T> getter)
        where T : struct
    {
        try
        {
            return config.HasPath(key) ? getter(config, key) : null;
        }
        catch (ConfigException e)
        {
            Add(ConfigurationProblemSeverity.Error, e);
            return null;
        }
    }

    public string? String(Config config, ConfigKey key) => Read(config, key, static (c, k) => c.GetString(k));

    public bool? Boolean(Config config, ConfigKey key) => ReadValue(config, key, static (c, k) => c.GetBoolean(k));

    public int? Int(Config config, ConfigKey key) => ReadValue(config, key, static (c, k) => c.GetInt(k));

    public long? Long(Config config, ConfigKey key) => ReadValue(config, key, static (c, k) => c.GetLong(k));

    public double? Double(Config config, ConfigKey key) => ReadValue(config, key, static (c, k) => c.GetDouble(k));

    public TimeSpan? Duration(Config config, ConfigKey key) => ReadValue(config, key, static (c, k) => c.GetDuration(k));

    public IReadOnlyList<string>? StringList(Config config, ConfigKey key) => Read(config, key, static (c, k) => c.GetStringList(k));

    public Config? Object(Config config, ConfigKey key) => Read(config, key, static (c, k) => c.GetConfig(k));

    /// <summary>The object at a container path (such as the root <c>Dhcp4</c>, which is not itself a key).</summary>
    public Config? ObjectAt(Config config, string path)
    {
        try
        {
            return config.GetConfig(path);
        }
        catch (ConfigException e)
        {
            Add(ConfigurationProblemSeverity.Error, e);
            return null;
        }
    }

    /// <summary>The elements of an object list; empty when absent or malformed (then reported).</summary>
    public IReadOnlyList<Config> List(Config config, ConfigKey key) => Read(config, key, static (c, k) => c.GetConfigList(k)) ?? [];

    /// <summary>A number of seconds that fits Kea's uint32 (0..4294967295).</summary>
    public uint? Seconds(Config config, ConfigKey key)
    {
        var value = Long(config, key);
        if (value is null)
        {
            return null;
        }

        if (value is < 0 or > uint.MaxValue)
        {
            Error(config, key, $"{value} is out of range: expected 0 to 4294967295 seconds");
            return null;
        }

        return (uint)value.Value;
    }

    /// <summary>A non-negative int.</summary>
    public int? Count(Config config, ConfigKey key)
    {
        var value = Int(config, key);
        if (value is < 0)
        {
            Error(config, key, $"{value} is negative: expected 0 or more");
            return null;
        }

        return value;
    }

    /// <summary>A required string; reports "missing" when absent.</summary>
    public string? Required(Config config, ConfigKey key, string why)
    {
        if (!config.HasPath(key))
        {
            Error(config, key, $"missing: {why}");
            return null;
        }

        return String(config, key);
    }

    /// <summary>An IPv4 address.</summary>
    public Ipv4Address? Address(Config config, ConfigKey key)
    {
        var text = String(config, key);
        if (text is null)
        {
            return null;
        }

        if (!Ipv4Address.TryParse(text.Trim(), out var address))
        {
            Error(config, key, $"'{text}' is not an IPv4 address");
            return null;
        }

        return address;
    }

    /// <summary>One of the given words.</summary>
    public T? Choice<T>(Config config, ConfigKey key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = String(config, key);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(config, key, $"'{text}' is not one of {string.Join(", ", choices.Keys)}");
        return null;
    }
}
