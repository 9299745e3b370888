namespace DhcpCluster.Dhcp.Tests.Codec;

/// <summary>One generated option.</summary>
public sealed record GeneratedOption(byte Code, byte[] Value, int SplitAlignment = 1)
{
    public override string ToString() => $"{Code}:{Value.Length}/{SplitAlignment}";
}
