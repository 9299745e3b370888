using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Server.Tests.Infrastructure;

/// <summary>Builds client messages as bytes with the codec's writer.</summary>
internal static class Frames
{
    public static byte[] Mac(int n) => [0x02, 0x00, 0x00, (byte)(n >> 16), (byte)(n >> 8), (byte)n];

    public static byte[] Discover(int client, uint xid = 0x1000, ushort secs = 0) => Build(DhcpMessageType.Discover, client, xid, secs, default, []);

    /// <summary>A REQUEST in SELECTING state (server identifier and requested address).</summary>
    public static byte[] Select(int client, Ipv4Address address, Ipv4Address server, uint xid = 0x1000) =>
        Build(DhcpMessageType.Request, client, xid, 0, default, [(50, Bytes(address)), (54, Bytes(server))]);

    /// <summary>A REQUEST in RENEWING state (ciaddr set, no server identifier).</summary>
    public static byte[] Renew(int client, Ipv4Address address, uint xid = 0x2000) =>
        Build(DhcpMessageType.Request, client, xid, 0, address, []);

    public static byte[] Decline(int client, Ipv4Address address, Ipv4Address server, uint xid = 0x3000) =>
        Build(DhcpMessageType.Decline, client, xid, 0, default, [(50, Bytes(address)), (54, Bytes(server))]);

    public static byte[] Release(int client, Ipv4Address address, Ipv4Address server, uint xid = 0x4000) =>
        Build(DhcpMessageType.Release, client, xid, 0, address, [(54, Bytes(server))]);

    public static byte[] WithSecs(byte[] frame, ushort secs)
    {
        var copy = (byte[])frame.Clone();
        copy[8] = (byte)(secs >> 8);
        copy[9] = (byte)secs;
        return copy;
    }

    private static byte[] Bytes(Ipv4Address address)
    {
        var bytes = new byte[4];
        address.WriteTo(bytes);
        return bytes;
    }

    private static byte[] Build(DhcpMessageType type, int client, uint xid, ushort secs, Ipv4Address ciaddr, (byte Code, byte[] Value)[] options)
    {
        var buffer = new byte[1500];
        var writer = new DhcpPacketWriter(buffer, 1500);
        writer.Op = DhcpOp.BootRequest;
        writer.HardwareType = 1;
        writer.TransactionId = xid;
        writer.Secs = secs;
        writer.ClientAddress = ciaddr;
        writer.SetClientHardwareAddress(Mac(client));
        writer.WriteMessageType(type);
        foreach (var (code, value) in options)
        {
            writer.WriteOption(code, value);
        }

        return buffer[..writer.Finish()];
    }
}
