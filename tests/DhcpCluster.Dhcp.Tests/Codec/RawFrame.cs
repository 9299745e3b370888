namespace DhcpCluster.Dhcp.Tests.Codec;

/// <summary>Builds frames byte by byte, independently of the writer, for parser table tests.</summary>
internal static class RawFrame
{
    /// <summary>A BOOTREQUEST header (Ethernet, chaddr 02:00:5e:10:20:30, xid 0x01020304), the cookie, then the given option bytes.</summary>
    public static byte[] Request(params byte[] options)
    {
        var frame = new byte[240 + options.Length];
        frame[0] = 1;
        frame[1] = 1;
        frame[2] = 6;
        frame[4] = 1;
        frame[5] = 2;
        frame[6] = 3;
        frame[7] = 4;
        TestPackets.Mac.CopyTo(frame, 28);
        frame[236] = 99;
        frame[237] = 130;
        frame[238] = 83;
        frame[239] = 99;
        options.CopyTo(frame, 240);
        return frame;
    }

    /// <summary>Option bytes: code, length, data.</summary>
    public static byte[] Option(byte code, params byte[] data) => [code, (byte)data.Length, .. data];

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
