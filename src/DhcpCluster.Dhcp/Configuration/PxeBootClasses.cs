namespace DhcpCluster.Dhcp.Configuration;

/// <summary>
/// The client classes operators write for network boot, ready made: PXE BIOS (option 93 architecture 0), PXE UEFI
/// x64 (7 or 9) and UEFI HTTP boot (vendor class <c>HTTPClient</c>). Members get <c>next-server</c> (siaddr), the
/// boot file, and option 43 with PXE discovery control 8 (boot from the file given, no boot server discovery);
/// the reply also carries option 60 <c>PXEClient</c> and echoes option 97, as the PXE specification asks.
/// </summary>
public static class PxeBootClasses
{
    /// <summary>Name of the BIOS class.</summary>
    public const string Bios = "PXE-BIOS";

    /// <summary>Name of the UEFI x64 class.</summary>
    public const string UefiX64 = "PXE-UEFI-x64";

    /// <summary>Name of the UEFI HTTP boot class.</summary>
    public const string UefiHttp = "HTTP-UEFI";

    private static readonly byte[] DiscoveryControl = [6, 1, 8, 255];

    /// <summary>Creates the classes; <paramref name="uefiHttpBootUrl"/> adds the HTTP boot class when given.</summary>
    public static IReadOnlyList<ClientClassDefinition> Create(
        Ipv4Address nextServer, string biosBootFile, string uefiBootFile, string? uefiHttpBootUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(biosBootFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(uefiBootFile);
        var vendorOptions = new OptionDataSet([new OptionDataItem(43, DiscoveryControl)]);
        var classes = new List<ClientClassDefinition>
        {
            new(Bios)
            {
                Test = "substring(option[60].text, 0, 9) == 'PXEClient' and option[93].hex == 0x0000",
                NextServer = nextServer,
                BootFileName = biosBootFile,
                OptionData = vendorOptions,
            },
            new(UefiX64)
            {
                Test = "substring(option[60].text, 0, 9) == 'PXEClient' and (option[93].hex == 0x0007 or option[93].hex == 0x0009)",
                NextServer = nextServer,
                BootFileName = uefiBootFile,
                OptionData = vendorOptions,
            },
        };
        if (uefiHttpBootUrl is not null)
        {
            classes.Add(new ClientClassDefinition(UefiHttp)
            {
                Test = "substring(option[60].text, 0, 10) == 'HTTPClient'",
                BootFileName = uefiHttpBootUrl,
                OptionData = new OptionDataSet([OptionDataItem.FromText(60, "HTTPClient", alwaysSend: true)]),
            });
        }

        return classes;
    }
}
