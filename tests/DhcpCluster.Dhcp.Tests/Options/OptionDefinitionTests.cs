using DhcpCluster.Dhcp.Options;

namespace DhcpCluster.Dhcp.Tests.Options;

public class OptionDefinitionTests
{
    [Theory]
    [InlineData("subnet-mask", 1, "ipv4-address", false)]
    [InlineData("time-offset", 2, "int32", false)]
    [InlineData("routers", 3, "ipv4-address", true)]
    [InlineData("domain-name-servers", 6, "ipv4-address", true)]
    [InlineData("host-name", 12, "string", false)]
    [InlineData("ntp-servers", 42, "ipv4-address", true)]
    [InlineData("vendor-encapsulated-options", 43, "empty", false)]
    [InlineData("dhcp-lease-time", 51, "uint32", false)]
    [InlineData("dhcp-server-identifier", 54, "ipv4-address", false)]
    [InlineData("vendor-class-identifier", 60, "string", false)]
    [InlineData("dhcp-client-identifier", 61, "binary", false)]
    [InlineData("tftp-server-name", 66, "string", false)]
    [InlineData("boot-file-name", 67, "string", false)]
    [InlineData("user-class", 77, "binary", false)]
    [InlineData("fqdn", 81, "record (uint8, uint8, uint8, fqdn)", false)]
    [InlineData("dhcp-agent-options", 82, "empty", false)]
    [InlineData("client-system", 93, "uint16", true)]
    [InlineData("uuid-guid", 97, "record (uint8, binary)", false)]
    [InlineData("subnet-selection", 118, "ipv4-address", false)]
    [InlineData("domain-search", 119, "fqdn", true)]
    [InlineData("classless-static-route", 121, "internal", false)]
    [InlineData("vivso-suboptions", 125, "uint32", false)]
    [InlineData("v4-access-domain", 213, "fqdn", false)]
    public void Standard_options_carry_keas_names_codes_and_types(string name, int code, string type, bool array)
    {
        Assert.True(StandardOptions.TryGet(name, out var byName));
        Assert.True(StandardOptions.TryGet((byte)code, out var byCode));
        Assert.Same(byName, byCode);
        Assert.Equal(type, byName.TypeText);
        Assert.Equal(array, byName.IsArray);
        Assert.Equal("dhcp4", byName.Space);
    }

    [Fact]
    public void The_table_has_unique_names_and_codes_and_every_definition_is_valid()
    {
        Assert.Equal(StandardOptions.All.Count, StandardOptions.All.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(StandardOptions.All.Count, StandardOptions.All.Select(d => d.Code).Distinct().Count());
        Assert.Equal(116, StandardOptions.All.Count); // both DHCPv4 tables of the Kea ARM, plus classless-static-route
        Assert.True(StandardOptions.TryGetAgentSubOption(5, out var linkSelection));
        Assert.Equal("link-selection", linkSelection.Name);
        Assert.True(StandardOptions.TryGetAgentSubOption(11, out var overrideId));
        Assert.Equal("server-id-override", overrideId.Name);
    }

    [Fact]
    public void Custom_option_def_from_keas_text_form()
    {
        Assert.True(OptionDefinition.TryCreate("my-option", 224, "record", isArray: false, "uint8, ipv4-address, string", "dhcp4", null, out var definition, out var error), error);
        Assert.Equal("record (uint8, ipv4-address, string)", definition.TypeText);
        var set = new OptionDefinitionSet();
        set.Add(definition);
        Assert.True(set.TryResolve("my-option", null, null, out var resolved, out _));
        Assert.Same(definition, resolved);
        Assert.Equal("07C0000201686921", Convert.ToHexString(OptionData.Encode(resolved, "7, 192.0.2.1, hi!")));
    }

    [Theory]
    [InlineData("bad name", 224, "uint8", false, null, "a name is letters")]
    [InlineData("x", 0, "uint8", false, null, "code 0 is outside 1-254")]
    [InlineData("x", 255, "uint8", false, null, "code 255 is outside 1-254")]
    [InlineData("x", 224, "uint128", false, null, "unknown type 'uint128'")]
    [InlineData("x", 224, "record", false, null, "a record needs record-types")]
    [InlineData("x", 224, "record", false, "string, uint8", "'string' field can only be the last one")]
    [InlineData("x", 224, "record", false, "uint8, bogus", "unknown record type 'bogus'")]
    [InlineData("x", 224, "uint8", false, "uint8", "record-types are only allowed with type 'record'")]
    [InlineData("x", 224, "string", true, null, "type 'string' cannot be an array")]
    public void Bad_option_defs_are_refused_with_the_reason(string name, int code, string type, bool array, string? record, string reason)
    {
        Assert.False(OptionDefinition.TryCreate(name, code, type, array, record, "dhcp4", null, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_definition_cannot_redefine_a_standard_one()
    {
        var set = new OptionDefinitionSet();
        Assert.False(set.TryAdd(OptionDefinition.Create("my-routers", 3, OptionDataType.Binary), out var error));
        Assert.Contains("clashes with the existing definition 'routers'", error, StringComparison.Ordinal);
        Assert.True(set.TryAdd(OptionDefinition.Create("routers", 3, OptionDataType.Binary, space: "my-space"), out _));
    }

    [Fact]
    public void Option_data_is_resolved_by_name_or_code_as_kea_does()
    {
        var set = new OptionDefinitionSet();
        Assert.True(set.TryResolve(null, 3, null, out var byCode, out _));
        Assert.Equal("routers", byCode.Name);
        Assert.True(set.TryResolve("routers", 3, "dhcp4", out _, out _));

        Assert.False(set.TryResolve("routerz", null, null, out _, out var error));
        Assert.Equal("option-data: unknown option name 'routerz' in space 'dhcp4' (define it with option-def).", error);
        Assert.False(set.TryResolve("routers", 6, null, out _, out error));
        Assert.Equal("option-data: name 'routers' is code 3, not 6.", error);
        Assert.False(set.TryResolve(null, null, null, out _, out error));
        Assert.False(set.TryResolve(null, 0, null, out _, out error));

        Assert.True(set.TryResolve(null, 224, null, out var undefined, out _));
        Assert.Equal(OptionDataType.Binary, undefined.Type);
        Assert.Equal("0A0B", Convert.ToHexString(OptionData.Encode(undefined, "0a0b", csvFormat: false)));
    }
}
