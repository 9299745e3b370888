using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Resolution;

/// <summary>An unresolved <c>${path}</c> or <c>${?path}</c>.</summary>
internal sealed class ConfigSubstitution : ConfigValue
{
    public ConfigSubstitution(ConfigPath path, ConfigPath writtenPath, bool optional, ConfigOrigin origin)
        : base(origin)
    {
        Path = path;
        WrittenPath = writtenPath;
        Optional = optional;
    }

    /// <summary>The path looked up, relative to the root of the whole configuration (include prefixes applied).</summary>
    public ConfigPath Path { get; }

    /// <summary>The path as written, used for the environment variable fallback and messages.</summary>
    public ConfigPath WrittenPath { get; }

    public bool Optional { get; }

    public override ConfigValueKind Kind => ConfigValueKind.Unresolved;

    public override bool IsResolved => false;

    public override bool Equals(ConfigValue? other) =>
        other is ConfigSubstitution s && s.Optional == Optional && s.Path.Equals(Path);

    public override int GetHashCode() => Path.GetHashCode();

    public override string Describe() => Optional ? "${?" + WrittenPath + "}" : "${" + WrittenPath + "}";

    internal override ConfigValue WithOrigin(ConfigOrigin origin) => new ConfigSubstitution(Path, WrittenPath, Optional, origin);
}
