using System.Runtime.InteropServices;

namespace DhcpCluster.Sockets;

/// <summary>The few libc calls .NET does not expose.</summary>
internal static partial class NativeMethods
{
    internal const int SolSocket = 1;
    internal const int SoBindToDevice = 25;
    internal const ushort EthPIp = 0x0800;
    internal const int ENoDev = 19;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial uint if_nametoindex(string name);
}
