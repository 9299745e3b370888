using System.Globalization;
using DhcpCluster.Dhcp.Options;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Dhcp.Tests.Options;

/// <summary>For every standard option, Kea text encodes, decodes back to text, and encodes again to the same bytes.</summary>
public class OptionDataProperties
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private static Gen<string> Label =>
        Gen.Choose(1, 20).SelectMany(n => Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-".ToCharArray()).ArrayOf(n)).Select(c => new string(c));

    private static Gen<string> DomainName => Label.ArrayOf().Where(a => a.Length is > 0 and < 6).Select(a => string.Join('.', a));

    private static Gen<string> Text => Gen.Choose(1, 40)
        .SelectMany(n => Gen.Elements("abc XYZ 0189 -_./:,;=?!é€".ToCharArray()).ArrayOf(n))
        .Select(c => new string(c).Trim())
        .Where(s => s.Length > 0);

    private static Gen<string> Hex => PropertyCheck.Bytes(1, 40).Select(b => Convert.ToHexString(b));

    private static Gen<string> Address => PropertyCheck.UInt32.Select(v => new Ipv4Address(v).ToString());

    private static Gen<string> Route =>
        from length in Gen.Choose(0, 32)
        from network in PropertyCheck.UInt32
        from router in Address
        select $"{Ipv4Network.Containing(new Ipv4Address(network), length)} - {router}";

    private static string Escape(string value) => value.Replace(",", "\\,", StringComparison.Ordinal);

    private static Gen<string> ValueOf(OptionDefinition definition, OptionDataType type) => type switch
    {
        OptionDataType.Ipv4Address => Address,
        OptionDataType.Boolean => Gen.Elements("true", "false"),
        OptionDataType.Int8 => Gen.Choose(sbyte.MinValue, sbyte.MaxValue).Select(v => v.ToString(C)),
        OptionDataType.Int16 => Gen.Choose(short.MinValue, short.MaxValue).Select(v => v.ToString(C)),
        OptionDataType.Int32 => PropertyCheck.UInt32.Select(v => ((int)v).ToString(C)),
        OptionDataType.UInt8 => Gen.Choose(0, 255).Select(v => v.ToString(C)),
        OptionDataType.UInt16 => Gen.Choose(0, 65535).Select(v => v.ToString(C)),
        OptionDataType.UInt32 => PropertyCheck.UInt32.Select(v => v.ToString(C)),
        OptionDataType.String => Text.Select(Escape),
        OptionDataType.Binary => Hex,
        OptionDataType.Fqdn => DomainName,
        OptionDataType.Tuple => Text.Select(Escape),
        OptionDataType.Ipv6Address => PropertyCheck.Bytes(16, 16).Select(b => new System.Net.IPAddress(b).ToString()),
        OptionDataType.Psid => Gen.Choose(0, 16).SelectMany(len => Gen.Choose(0, (1 << len) - 1).Select(psid => $"{psid}/{len}")),
        _ => throw new InvalidOperationException($"{definition.Name}: no generator for {type}"),
    };

    private static Gen<string> DataOf(OptionDefinition definition)
    {
        if (definition.Type == OptionDataType.Internal)
        {
            return Route.ArrayOf().Where(r => r.Length > 0).Select(r => string.Join(", ", r));
        }

        if (definition.Code == 81)
        {
            return from flags in Gen.Choose(0, 15)
                   from name in DomainName
                   from dot in Gen.Elements(string.Empty, ".")
                   select $"{flags}, 0, 0, {name}{((flags & 4) != 0 ? dot : string.Empty)}";
        }

        if (definition.Type == OptionDataType.Record)
        {
            var fields = definition.RecordTypes.Select(t => ValueOf(definition, t)).ToArray();
            var head = Gen.CollectToArray(fields);
            var tail = definition.IsArray ? ValueOf(definition, definition.RecordTypes[^1]).ArrayOf() : Gen.Constant(Array.Empty<string>());
            return head.SelectMany(h => tail.Select(t => string.Join(", ", h.Concat(t))));
        }

        if (definition.Type == OptionDataType.String)
        {
            // a single string takes the whole text: edge spaces, commas (escaped or not) and backslashes included
            return Gen.Choose(1, 30).SelectMany(n => Gen.Elements(" a,\\b".ToCharArray()).ArrayOf(n)).Select(c => new string(c));
        }

        var one = ValueOf(definition, definition.Type);
        return definition.IsArray
            ? one.ArrayOf().Where(a => a.Length > 0).Select(a => string.Join(", ", a))
            : one;
    }

    [Fact]
    public void Encode_decode_encode_is_stable_for_every_standard_option()
    {
        var definitions = StandardOptions.All.Concat(StandardOptions.AgentSubOptions).Where(d => d.Type != OptionDataType.Empty).ToArray();
        var cases = Gen.Elements(definitions).SelectMany(d => DataOf(d).Select(data => (Definition: d, Data: data)));
        PropertyCheck.ForAll(cases, c =>
        {
            var wire = OptionData.Encode(c.Definition, c.Data);
            var text = OptionData.Decode(c.Definition, wire);
            var again = OptionData.Encode(c.Definition, text);
            var hexWire = OptionData.Encode(c.Definition, HexText.Format(wire), csvFormat: false);
            return wire.AsSpan().SequenceEqual(again) && string.Equals(text, OptionData.Decode(c.Definition, again), StringComparison.Ordinal) && wire.AsSpan().SequenceEqual(hexWire);
        }, maxTest: 3000);
    }

    [Fact]
    public void Decoding_arbitrary_bytes_never_throws_and_what_decodes_re_encodes_to_the_same_bytes()
    {
        var cases = Gen.Elements(StandardOptions.All.ToArray()).SelectMany(d => PropertyCheck.Bytes(0, 40).Select(b => (Definition: d, Wire: b)));
        PropertyCheck.ForAll(cases, c =>
            !OptionData.TryDecode(c.Definition, c.Wire, out var text, out _)
            || c.Definition.Type == OptionDataType.Empty
            || OptionData.Encode(c.Definition, text).AsSpan().SequenceEqual(c.Wire), maxTest: 3000);
    }
}
