using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary>An <c>option-data</c> list and its element keys under one prefix.</summary>
internal sealed class OptionDataKeys(string prefix)
{
    public ConfigKey List { get; } = Dhcp4KeySets.Key(prefix + ".option-data");

    public ConfigKey Name { get; } = Dhcp4KeySets.Key(prefix + ".option-data[].name");

    public ConfigKey Code { get; } = Dhcp4KeySets.Key(prefix + ".option-data[].code");

    public ConfigKey Data { get; } = Dhcp4KeySets.Key(prefix + ".option-data[].data");

    public ConfigKey CsvFormat { get; } = Dhcp4KeySets.Key(prefix + ".option-data[].csv-format");

    public ConfigKey AlwaysSend { get; } = Dhcp4KeySets.Key(prefix + ".option-data[].always-send");

    public ConfigKey Space { get; } = Dhcp4KeySets.Key(prefix + ".option-data[].space");
}
