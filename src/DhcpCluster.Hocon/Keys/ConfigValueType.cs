namespace DhcpCluster.Hocon.Keys;

/// <summary>The type a configuration key is read as; each matches one getter of <see cref="Config"/>.</summary>
public enum ConfigValueType
{
    /// <summary>Text (<see cref="Config.GetString(ConfigKey)"/>).</summary>
    String,

    /// <summary>true/false/on/off/yes/no (<see cref="Config.GetBoolean(ConfigKey)"/>).</summary>
    Boolean,

    /// <summary>A 32-bit integer (<see cref="Config.GetInt(ConfigKey)"/>).</summary>
    Int,

    /// <summary>A 64-bit integer (<see cref="Config.GetLong(ConfigKey)"/>).</summary>
    Long,

    /// <summary>A floating-point number (<see cref="Config.GetDouble(ConfigKey)"/>).</summary>
    Double,

    /// <summary>A duration such as <c>10s</c> or <c>500ms</c>; a plain number is milliseconds (<see cref="Config.GetDuration(ConfigKey)"/>).</summary>
    Duration,

    /// <summary>A size in bytes such as <c>64KiB</c> or <c>1MB</c> (<see cref="Config.GetByteSize(ConfigKey)"/>).</summary>
    ByteSize,

    /// <summary>A list of strings (<see cref="Config.GetStringList(ConfigKey)"/>).</summary>
    StringList,

    /// <summary>A list of 32-bit integers (<see cref="Config.GetIntList(ConfigKey)"/>).</summary>
    IntList,

    /// <summary>An object read as a sub-configuration (<see cref="Config.GetConfig(ConfigKey)"/>).</summary>
    Object,

    /// <summary>A list of objects (<see cref="Config.GetConfigList(ConfigKey)"/>), such as Kea's <c>subnet4</c>.</summary>
    ObjectList,

    /// <summary>Any value, read through <see cref="Config.GetValue(ConfigKey)"/> and interpreted by the module.</summary>
    Any,
}
