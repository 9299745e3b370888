namespace DhcpCluster.Dhcp.Tests.Codec;

/// <summary>One generated option.</summary>
public sealed record GeneratedOption(byte Code, byte[] Value)
{
    public override string ToString() => $"{Code}:{Value.Length}";
}
