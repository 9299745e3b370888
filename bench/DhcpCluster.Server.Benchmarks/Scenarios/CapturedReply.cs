using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>A DHCP reply read from a capture: when it was seen, its type, the offered address and the client's hardware address.</summary>
internal readonly record struct CapturedReply(DateTimeOffset At, DhcpMessageType Type, Ipv4Address YourAddress, string HardwareAddress);
