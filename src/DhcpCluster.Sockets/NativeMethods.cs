using System.Runtime.InteropServices;

namespace DhcpCluster.Sockets;

/// <summary>The few libc calls .NET does not expose.</summary>
internal static partial class NativeMethods
{
    internal const int SolSocket = 1;
    internal const int SoBindToDevice = 25;
    internal const int SoTimestamp = 29;
    internal const int SoReceiveTimeout = 20;
    internal const ushort EthPIp = 0x0800;
    internal const int ENoDev = 19;

    internal const short PollIn = 0x001;
    internal const int MsgDontWait = 0x40;
    internal const int MsgWaitForOne = 0x10000;
    internal const int EAgain = 11;
    internal const int EIntr = 4;
    internal const int ENoBufs = 105;
    internal const int ENetDown = 100;
    internal const int ENetUnreach = 101;
    internal const int EHostUnreach = 113;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial uint if_nametoindex(string name);

    /// <summary>poll(2) on one descriptor.</summary>
    [LibraryImport("libc", SetLastError = true)]
    internal static partial int poll(ref PollDescriptor fds, nuint nfds, int timeout);

    /// <summary>recvmmsg(2): several datagrams in one call.</summary>
    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int recvmmsg(int sockfd, byte* msgvec, uint vlen, int flags, nint timeout);

    /// <summary>sendto(2) with a caller-built socket address.</summary>
    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial nint sendto(int sockfd, byte* buf, nuint len, int flags, byte* destAddr, uint addrlen);

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}
