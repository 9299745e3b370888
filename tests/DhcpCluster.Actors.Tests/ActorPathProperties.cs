using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Actors.Tests;

public sealed class ActorPathProperties
{
    private static readonly char[] NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_$.:@+~%".ToCharArray();

    private static Gen<string> Name(int max) =>
        Gen.Choose(1, max).SelectMany(n => Gen.Elements(NameChars).ArrayOf(n)).Select(c => new string(c));

    private static Gen<Address> Addresses =>
        from system in Gen.Choose(1, 12).SelectMany(n => Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-".ToCharArray()).ArrayOf(n)).Select(c => new string(c))
        from kind in Gen.Choose(0, 2)
        from host in Gen.Elements("10.0.0.1", "node-a", "db.example.org", "127.0.0.1")
        from port in Gen.Choose(1, 65535)
        select kind switch
        {
            0 => new Address(Address.LocalProtocol, system),
            1 => new Address(Address.LocalProtocol, system, host),
            _ => new Address(Address.LocalProtocol, system, host, port),
        };

    private static Gen<ActorPath> Paths =>
        from address in Addresses
        from names in Gen.Choose(0, 6).SelectMany(n => Name(12).ArrayOf(n))
        from uid in Gen.Choose(0, int.MaxValue)
        select names.Aggregate(ActorPath.CreateRoot(address), (p, n) => p.Child(n)).WithUid(names.Length == 0 ? 0 : uid);

    [Fact]
    public void Serialized_paths_parse_back_to_equal_paths_with_their_uid()
    {
        Prop.ForAll(Paths.ToArbitrary(), path =>
        {
            var parsed = ActorPath.Parse(path.ToSerializationFormat());
            return parsed.Equals(path) && parsed.Uid == path.Uid && parsed.GetHashCode() == path.GetHashCode()
                && string.Equals(parsed.ToString(), path.ToString(), StringComparison.Ordinal)
                && parsed.Elements.SequenceEqual(path.Elements, StringComparer.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Addresses_parse_back_to_equal_addresses()
    {
        Prop.ForAll(Addresses.ToArbitrary(), address => Address.Parse(address.ToString()).Equals(address)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Paths_differing_in_one_element_are_not_equal()
    {
        Prop.ForAll(Paths.ToArbitrary(), Name(8).ToArbitrary(), (path, extra) =>
        {
            var child = path.Child(extra);
            return !child.Equals(path) && child.Parent!.Equals(path) && !child.Equals(path.Child(extra + "x"));
        }).QuickCheckThrowOnFailure();
    }
}
