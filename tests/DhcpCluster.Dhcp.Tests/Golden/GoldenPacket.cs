using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Tests.Golden;

/// <summary>Loads the UDP payloads that capture.sh recorded from real clients and from Kea.</summary>
internal static class GoldenPacket
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Golden", "data");

    public static byte[] Bytes(string name) => Convert.FromHexString(File.ReadAllText(Path.Combine(Directory, name + ".hex")).Trim());

    public static DhcpPacket Parse(string name)
    {
        var packet = new DhcpPacket();
        var error = packet.Parse(Bytes(name));
        Assert.True(error == DhcpParseError.None, $"{name}: {error}");
        return packet;
    }

    public static IEnumerable<string> AllNames() =>
        System.IO.Directory.GetFiles(Directory, "*.hex").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static byte[] Mac(byte last) => [0x02, 0x00, 0x00, 0x00, 0x0a, last];
}
