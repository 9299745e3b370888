using System.Globalization;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Configuration.KeaLeaseCsv;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Server.Tests.Configuration;

/// <summary>FsCheck properties of the Kea lease file reader and of pool validation.</summary>
public sealed class ConfigurationProperties
{
    private static void ForAll<T>(Gen<T> generator, Func<T, bool> property, int maxTest = 200) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), Prop.ForAll(generator.ToArbitrary(), property));

    private static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(n));

    private static string Hex(byte[] bytes) => string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    private sealed record Row(uint Address, byte[] Hw, byte[] ClientId, uint Lifetime, long Expire, uint Subnet, int State, string Hostname);

    private static readonly Gen<Row> Rows =
        from address in Gen.Choose(0, 0xFFFF).Select(low => 0xC6120000u | (uint)low)
        from state in Gen.Choose(0, 3)
        from hw in state == 1 ? Gen.Constant(Array.Empty<byte>()) : Bytes(1, 16)
        from clientId in Bytes(0, 20)
        from lifetime in Gen.Choose(1, 1_000_000)
        from expire in Gen.Choose(1_000_000, int.MaxValue)
        from subnet in Gen.Choose(1, 100_000)
        from hostname in Gen.Elements(string.Empty, "pc", "host,with,commas", "printer.example.org.")
        select new Row(address, hw, clientId, (uint)lifetime, expire, (uint)subnet, state, hostname);

    private static string Render(Row row) => string.Create(
        CultureInfo.InvariantCulture,
        $"{new Ipv4Address(row.Address)},{Hex(row.Hw)},{Hex(row.ClientId)},{row.Lifetime},{row.Expire},{row.Subnet},0,0,{row.Hostname.Replace(",", "&#x2c", StringComparison.Ordinal)},{row.State},");

    [Fact]
    public void Every_row_kea_could_write_reads_back_and_the_last_row_of_an_address_wins()
    {
        ForAll(Rows.ListOf().Select(l => l.ToList()), rows =>
        {
            var text = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context\n"
                + string.Join('\n', rows.Select(Render));
            var result = KeaLeaseCsvReader.Read(new StringReader(text));
            var expected = rows.GroupBy(r => r.Address).Select(g => g.Last()).OrderBy(r => r.Address).ToList();
            return result.Errors.Count == 0
                && result.Rows == rows.Count
                && result.Leases.Count == expected.Count
                && expected.Zip(result.Leases).All(pair => Matches(pair.First, pair.Second));
        });
    }

    private static bool Matches(Row row, Lease lease) =>
        lease.Address.Value == row.Address
        && lease.SubnetId == row.Subnet
        && (row.Hw.Length == 0 ? lease.HardwareAddress.IsEmpty : lease.HardwareAddress == ClientKey.FromHardwareAddress(1, row.Hw))
        && (row.ClientId.Length == 0 ? lease.ClientIdentifier is null : lease.ClientIdentifier == ClientKey.FromClientIdentifier(row.ClientId))
        && lease.ValidLifetime == row.Lifetime
        && lease.Expires == row.Expire
        && lease.Start == row.Expire - row.Lifetime
        && (int)lease.State == row.State switch { 0 => (int)LeaseState.Bound, 1 => (int)LeaseState.Declined, 2 => (int)LeaseState.Expired, _ => (int)LeaseState.Released }
        && string.Equals(lease.Hostname ?? string.Empty, row.Hostname, StringComparison.Ordinal);

    /// <summary>Pools in 198.18.0.0/16 and around it: each is refused exactly when it leaves the subnet or overlaps an accepted one.</summary>
    [Fact]
    public void A_pool_is_an_error_exactly_when_it_leaves_its_subnet_or_overlaps_an_earlier_pool()
    {
        var range = from first in Gen.Choose(0x11FF00, 0x130100)
                    from size in Gen.Frequency((3, Gen.Choose(0, 300)), (1, Gen.Choose(0, 0x20000)))
                    select (First: 0xC6000000u + (uint)first, Last: 0xC6000000u + (uint)first + (uint)size);
        ForAll(range.ListOf().Select(l => l.Take(6).ToList()), pools =>
        {
            var text = "Dhcp4 { interfaces-config.interfaces = [ eth0 ]\n subnet4 = [ { id = 1, subnet = \"198.18.0.0/16\", pools = [\n"
                + string.Join('\n', pools.Select(p => $"{{ pool = \"{new Ipv4Address(p.First)} - {new Ipv4Address(p.Last)}\" }}"))
                + "\n] } ] }";
            var binding = ConfigurationTestFiles.BindText(text);
            var accepted = new List<(uint First, uint Last)>();
            var expectedErrors = new List<string>();
            for (var i = 0; i < pools.Count; i++)
            {
                var (first, last) = pools[i];
                if (first < 0xC6120000 || last > 0xC612FFFF || accepted.Exists(a => first <= a.Last && a.First <= last))
                {
                    expectedErrors.Add(string.Create(CultureInfo.InvariantCulture, $"Dhcp4.subnet4[0].pools[{i}].pool"));
                }
                else
                {
                    accepted.Add((first, last));
                }
            }

            var errorPaths = binding.Errors.Select(e => e.Path).ToList();
            return errorPaths.SequenceEqual(expectedErrors, StringComparer.Ordinal)
                && (errorPaths.Count > 0 || binding.Configuration!.Dhcp.FindSubnet(1)!.Pools.Select(p => (p.First.Value, p.Last.Value)).SequenceEqual(accepted));
        });
    }
}
