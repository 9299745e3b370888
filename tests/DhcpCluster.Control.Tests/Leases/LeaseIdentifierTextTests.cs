using DhcpCluster.Control.Leases;
using DhcpCluster.Control.Registry;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Control.Tests.Leases;

public sealed class LeaseIdentifierTextTests
{
    [Fact]
    public void Every_spelling_of_the_same_bytes_normalizes_to_lower_case_colon_hex()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<byte[]>().Filter(b => b.Length is > 0 and < 64),
            bytes =>
            {
                var expected = string.Join(':', bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
                var upper = expected.ToUpperInvariant();
                return string.Equals(LeaseIdentifierText.Normalize("x", upper), expected, StringComparison.Ordinal)
                    && string.Equals(LeaseIdentifierText.Normalize("x", upper.Replace(':', '-')), expected, StringComparison.Ordinal)
                    && string.Equals(LeaseIdentifierText.Normalize("x", upper.Replace(":", string.Empty, StringComparison.Ordinal)), expected, StringComparison.Ordinal);
            }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0g:00")]
    [InlineData("001:02")]
    [InlineData("01::02")]
    public void Malformed_identifiers_are_refused(string text)
    {
        var error = Assert.Throws<CommandArgumentException>(() => LeaseIdentifierText.Normalize("hw-address", text));
        Assert.Contains("'hw-address' parameter", error.Message, StringComparison.Ordinal);
    }
}
