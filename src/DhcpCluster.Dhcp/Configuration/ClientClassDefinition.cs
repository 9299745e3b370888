namespace DhcpCluster.Dhcp.Configuration;

/// <summary>A Kea <c>client-classes[]</c> entry.</summary>
public sealed class ClientClassDefinition
{
    /// <summary>Creates a class definition.</summary>
    public ClientClassDefinition(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Kea's <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>Kea's <c>test</c>: a boolean expression; null for a class assigned only by reservations.</summary>
    public string? Test { get; init; }

    /// <summary>Kea's <c>option-data</c> of the class.</summary>
    public OptionDataSet OptionData { get; init; } = OptionDataSet.Empty;

    /// <summary>Kea's <c>next-server</c> (siaddr) for members.</summary>
    public Ipv4Address? NextServer { get; init; }

    /// <summary>Kea's <c>server-hostname</c> (sname) for members.</summary>
    public string? ServerHostname { get; init; }

    /// <summary>Kea's <c>boot-file-name</c> (file) for members.</summary>
    public string? BootFileName { get; init; }

    /// <summary>Kea's <c>valid-lifetime</c> for members (seconds).</summary>
    public uint? ValidLifetime { get; init; }
}
