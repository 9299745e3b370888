using DhcpCluster.Dhcp.Options;

namespace DhcpCluster.Dhcp.Tests.Options;

public class OptionViewTests
{
    [Fact]
    public void Rfc3046_builder_and_view_agree()
    {
        var data = new RelayAgentInformationBuilder()
            .CircuitId("ge-0/0/1.100"u8)
            .RemoteId([0x02, 0x00, 0x00, 0x00, 0x0a, 0x09])
            .LinkSelection(Ipv4Address.Parse("198.51.100.0"))
            .ServerIdentifierOverride(Ipv4Address.Parse("192.0.2.1"))
            .ToArray();
        var view = new RelayAgentInformationOption(data);

        Assert.Equal("ge-0/0/1.100"u8.ToArray(), view.CircuitId.ToArray());
        Assert.Equal(6, view.RemoteId.Length);
        Assert.Equal(Ipv4Address.Parse("198.51.100.0"), view.LinkSelection);
        Assert.Equal(Ipv4Address.Parse("192.0.2.1"), view.ServerIdentifierOverride);
        var codes = new List<byte>();
        foreach (var subOption in view)
        {
            codes.Add(subOption.Code);
        }

        Assert.Equal(new byte[] { 1, 2, 5, 11 }, codes);
        Assert.True(view.TryGetSubOption(5, out var linkSelection));
        Assert.True(StandardOptions.TryGetAgentSubOption(5, out var definition));
        Assert.Equal("198.51.100.0", OptionData.Decode(definition, linkSelection));
    }

    [Fact]
    public void Rfc3046_option_82_is_at_most_255_bytes()
    {
        var builder = new RelayAgentInformationBuilder().CircuitId(new byte[200]);
        Assert.Throws<ArgumentException>(() => builder.RemoteId(new byte[60]));
    }

    [Fact]
    public void Rfc3527_link_selection_of_the_wrong_length_is_ignored()
    {
        var view = new RelayAgentInformationOption([5, 3, 198, 51, 100]);
        Assert.Null(view.LinkSelection);
        Assert.True(view.IsWellFormed);
    }

    [Fact]
    public void Rfc4361_client_identifier_is_written_and_read_back()
    {
        byte[] duid = [0, 3, 0, 1, 2, 0, 0, 0, 10, 3];
        var buffer = new byte[64];
        var length = ClientIdentifierOption.WriteRfc4361(buffer, 0x0A03, duid);
        var view = new ClientIdentifierOption(buffer.AsSpan(0, length));

        Assert.Equal(15, length);
        Assert.True(view.IsRfc4361);
        Assert.Equal(0x0A03u, view.Iaid);
        Assert.Equal((ushort)3, view.DuidType);
        Assert.Equal(duid, view.Duid.ToArray());
        Assert.Throws<ArgumentException>(() => ClientIdentifierOption.WriteRfc4361(buffer, 1, [0]));
        Assert.False(new ClientIdentifierOption([255, 0, 0, 0, 1, 0]).IsRfc4361);
    }

    [Fact]
    public void Rfc4702_fqdn_is_written_in_both_encodings()
    {
        var buffer = new byte[300];
        var n = ClientFqdnOption.Write(buffer, ClientFqdnOption.FlagEncoded | ClientFqdnOption.FlagServerUpdates, "host.example.test", fullyQualified: true);
        var view = new ClientFqdnOption(buffer.AsSpan(0, n));
        Assert.True(view.TryGetName(out var name, out var fqdn));
        Assert.Equal("host.example.test.", name);
        Assert.True(fqdn);

        n = ClientFqdnOption.Write(buffer, ClientFqdnOption.FlagServerUpdates, "host", fullyQualified: false);
        Assert.Equal("010000686F7374", Convert.ToHexString(buffer, 0, n));
        Assert.Throws<ArgumentException>(() => ClientFqdnOption.Write(buffer, ClientFqdnOption.FlagEncoded, new string('a', 64), true));
    }

    [Theory]
    [InlineData(new byte[] { 0x04, 0, 0, 3, 0x61, 0x62 })]       // truncated label
    [InlineData(new byte[] { 0x04, 0, 0, 0xC0, 0x0C })]          // compression pointer
    [InlineData(new byte[] { 0x00, 0, 0, 0x61, 0x0A })]          // control character in ASCII
    [InlineData(new byte[] { 0x04, 0 })]                         // fewer than 3 fixed bytes
    public void Rfc4702_malformed_fqdn_names_do_not_decode(byte[] data)
    {
        Assert.False(new ClientFqdnOption(data).TryGetName(out _, out _));
    }
}
