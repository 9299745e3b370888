namespace DhcpCluster.Dhcp.Tests.Codec;

public class Ipv4AddressTests
{
    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("192.0.2.1", 0xC0000201u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    public void Parses_and_formats_dotted_quads(string text, uint value)
    {
        var address = Ipv4Address.Parse(text);
        Assert.Equal(value, address.Value);
        Assert.Equal(text, address.ToString());
        Span<byte> wire = stackalloc byte[4];
        address.WriteTo(wire);
        Assert.Equal(address, Ipv4Address.Parse(wire));
        Assert.Equal((byte)(value >> 24), wire[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("192.0.2")]
    [InlineData("192.0.2.1.5")]
    [InlineData("192.0.2.256")]
    [InlineData("192.0.2.x")]
    [InlineData("192.0.2.01")]
    [InlineData("192..2.1")]
    [InlineData(" 192.0.2.1")]
    [InlineData("192.0.2.1.")]
    public void Rejects_anything_but_a_strict_dotted_quad(string text)
    {
        Assert.False(Ipv4Address.TryParse(text, out _));
        var e = Assert.Throws<FormatException>(() => Ipv4Address.Parse(text));
        Assert.Contains("is not an IPv4 address", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_parsing_needs_exactly_four_bytes()
    {
        Assert.False(Ipv4Address.TryParse(new byte[] { 1, 2, 3 }, out _));
        Assert.False(Ipv4Address.TryParse(new byte[] { 1, 2, 3, 4, 5 }, out _));
        Assert.Throws<ArgumentException>(() => Ipv4Address.Parse(new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public void Arithmetic_ordering_and_constants()
    {
        var a = Ipv4Address.Parse("192.0.2.254");
        Assert.Equal("192.0.3.1", (a + 3).ToString());
        Assert.Equal("192.0.2.250", (a - 4).ToString());
        Assert.Equal(3, Ipv4Address.Parse("192.0.3.1") - a);
        Assert.True(a < a + 1);
        Assert.Equal(-1, a.CompareTo(a + 1));
        Assert.Throws<OverflowException>(() => Ipv4Address.Broadcast + 1);
        Assert.False(Ipv4Address.Any.TryAdd(-1, out _));
        Assert.True(Ipv4Address.Any.IsAny);
        Assert.Equal("255.255.255.255", Ipv4Address.Broadcast.ToString());
        var b = a;
        b++;
        Assert.Equal("192.0.2.255", b.ToString());
    }

    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.0", "192.0.2.255", 256)]
    [InlineData("198.18.0.0/15", "198.18.0.0", "198.19.255.255", 131072)]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255", 4294967296)]
    [InlineData("203.0.113.7/32", "203.0.113.7", "203.0.113.7", 1)]
    public void Networks_parse_with_first_last_and_size(string text, string first, string last, long size)
    {
        var network = Ipv4Network.Parse(text);
        Assert.Equal(first, network.First.ToString());
        Assert.Equal(last, network.Last.ToString());
        Assert.Equal(size, network.Size);
        Assert.Equal(text, network.ToString());
        Assert.True(network.Contains(network.First));
        Assert.True(network.Contains(network.Last));
    }

    [Theory]
    [InlineData("192.0.2.1/24", "host bits set")]
    [InlineData("192.0.2.0/33", "outside 0-32")]
    [InlineData("192.0.2.0", "not an IPv4 prefix")]
    [InlineData("192.0.2.x/24", "not an IPv4 address")]
    [InlineData("192.0.2.0/", "not a prefix length")]
    public void Bad_networks_say_why(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => Ipv4Network.Parse(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_containment_and_masks()
    {
        var network = Ipv4Network.Parse("198.51.100.0/24");
        Assert.False(network.Contains(Ipv4Address.Parse("198.51.101.0")));
        Assert.True(network.Contains(Ipv4Network.Parse("198.51.100.128/25")));
        Assert.False(network.Contains(Ipv4Network.Parse("198.51.100.0/23")));
        Assert.Equal("255.255.255.0", network.Mask.ToString());
        Assert.Equal(24, Ipv4Network.PrefixLengthOfMask(Ipv4Address.Parse("255.255.255.0")));
        Assert.Equal(-1, Ipv4Network.PrefixLengthOfMask(Ipv4Address.Parse("255.0.255.0")));
        Assert.Equal(network, Ipv4Network.Containing(Ipv4Address.Parse("198.51.100.77"), 24));
    }
}
