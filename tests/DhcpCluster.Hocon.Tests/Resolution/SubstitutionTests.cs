using DhcpCluster.Hocon.Values;

namespace DhcpCluster.Hocon.Tests.Resolution;

public sealed class SubstitutionTests
{
    private static Config Parse(string text) => ConfigFactory.ParseString(text, "subst.conf");

    [Fact]
    public void A_substitution_copies_any_value_from_anywhere_in_the_tree()
    {
        var config = Parse("defaults { lifetime = 4000, servers = [a, b], nested { x = 1 } }\nDhcp4 { valid-lifetime = ${defaults.lifetime}\n servers = ${defaults.servers}\n n = ${defaults.nested} }\nlater = ${Dhcp4.valid-lifetime}");
        Assert.Equal(4000, config.GetInt("Dhcp4.valid-lifetime"));
        Assert.Equal(["a", "b"], config.GetStringList("Dhcp4.servers"));
        Assert.Equal(1, config.GetInt("Dhcp4.n.x"));
        Assert.Equal(4000, config.GetInt("later"));
    }

    [Fact]
    public void Substitutions_see_the_final_value_of_what_they_reference()
    {
        var config = Parse("a = 1\nb = ${a}\na = 2");
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Substitutions_chain_and_forward_references_work()
    {
        var config = Parse("a = ${b}\nb = ${c}\nc = { d = ${e} }\ne = end");
        Assert.Equal("end", config.GetString("a.d"));
    }

    [Fact]
    public void Substitutions_concatenate_with_text_keeping_whitespace()
    {
        var config = Parse("host = example.org\nport = 8080\nurl = \"http://\"${host}\":\"${port}/path\ngreeting = hello ${host} again");
        Assert.Equal("http://example.org:8080/path", config.GetString("url"));
        Assert.Equal("hello example.org again", config.GetString("greeting"));
    }

    [Fact]
    public void A_substitution_keeps_the_type_of_a_number()
    {
        var config = Parse("a = 42\nb = ${a}");
        Assert.IsType<ConfigNumber>(config.GetValue("b"));
    }

    [Fact]
    public void Quoted_keys_in_substitution_paths()
    {
        var config = Parse("\"a.b\" { c = 5 }\nx = ${\"a.b\".c}\ny = ${ \"a.b\" . c }".Replace(" . ", ".", StringComparison.Ordinal));
        Assert.Equal(5, config.GetInt("x"));
        Assert.Equal(5, config.GetInt("y"));
    }

    [Fact]
    public void Environment_variables_are_the_fallback_of_a_substitution()
    {
        var name = "HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var config = Parse($"a = ${{{name}}}\nb = ${{?{name}}}\nc = prefix-${{{name}}}");
            Assert.Equal("from-env", config.GetString("a"));
            Assert.Equal("from-env", config.GetString("b"));
            Assert.Equal("prefix-from-env", config.GetString("c"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void The_configuration_wins_over_the_environment()
    {
        var config = ConfigFactory.ParseStringUnresolved("HOME = config-home\na = ${HOME}").Resolve(_ => "env-home");
        Assert.Equal("config-home", config.GetString("a"));
    }

    [Fact]
    public void An_environment_value_is_read_through_the_typed_getters()
    {
        var config = ConfigFactory.ParseStringUnresolved("port = 67\nport = ${?DHCP_PORT}\ntimeout = ${?T}").Resolve(name => name switch
        {
            "DHCP_PORT" => "6767",
            "T" => "5s",
            _ => null,
        });
        Assert.Equal(6767, config.GetInt("port"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("timeout"));
    }

    [Fact]
    public void An_undefined_optional_substitution_leaves_the_previous_value_or_no_key()
    {
        var config = ConfigFactory.ParseStringUnresolved("a = 1\na = ${?NOPE_UNDEFINED}\nb = ${?NOPE_UNDEFINED}\nc = [1, ${?NOPE_UNDEFINED}, 2]\nd = x${?NOPE_UNDEFINED}y").Resolve(_ => null);
        Assert.Equal(1, config.GetInt("a"));
        Assert.False(config.HasPath("b"));
        Assert.Equal([1, 2], config.GetIntList("c"));
        Assert.Equal("xy", config.GetString("d"));
    }

    [Fact]
    public void Self_referential_substitutions_see_the_previous_value()
    {
        var config = ConfigFactory.ParseStringUnresolved("""
            path = "/bin"
            path = ${path}":/usr/bin"
            path = ${path}":/sbin"
            obj { a = 1 }
            obj = ${obj} { b = 2 }
            list = [1]
            list = ${list} [2]
            nested { value = x }
            nested.value = ${nested.value}y
            """).Resolve(_ => null);
        Assert.Equal("/bin:/usr/bin:/sbin", config.GetString("path"));
        Assert.Equal(1, config.GetInt("obj.a"));
        Assert.Equal(2, config.GetInt("obj.b"));
        Assert.Equal([1, 2], config.GetIntList("list"));
        Assert.Equal("xy", config.GetString("nested.value"));
    }

    [Fact]
    public void A_self_reference_without_a_previous_value_falls_back_to_the_environment()
    {
        var config = ConfigFactory.ParseStringUnresolved("PATH = ${PATH}\":/opt/bin\"").Resolve(name => string.Equals(name, "PATH", StringComparison.Ordinal) ? "/usr/bin" : null);
        Assert.Equal("/usr/bin:/opt/bin", config.GetString("PATH"));
    }

    [Fact]
    public void Plus_equals_appends_to_a_list_or_starts_one()
    {
        var config = Parse("a = [1, 2]\na += 3\na += [4]\nb += x\nc { d += 1, d += 2 }");
        Assert.Equal(4, config.GetList("a").Count);
        Assert.Equal(3L, ((ConfigNumber)config.GetList("a")[2]).Long);
        Assert.IsType<ConfigArray>(config.GetList("a")[3]);
        Assert.Equal(["x"], config.GetStringList("b"));
        Assert.Equal([1, 2], config.GetIntList("c.d"));
    }

    [Fact]
    public void An_object_merged_over_a_substitution_merges_after_resolution()
    {
        var config = Parse("base { a = 1, b = 1 }\nderived = ${base}\nderived { b = 2, c = 3 }");
        Assert.Equal(1, config.GetInt("derived.a"));
        Assert.Equal(2, config.GetInt("derived.b"));
        Assert.Equal(3, config.GetInt("derived.c"));
        Assert.Equal(1, config.GetInt("base.b"));
    }

    [Fact]
    public void A_substitution_replacing_an_object_merges_with_it_when_it_resolves_to_an_object()
    {
        var config = Parse("a { x = 1 }\na = ${b}\nb { y = 2 }\nc { x = 1 }\nc = ${d}\nd = 5");
        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal(5, config.GetInt("c"));
    }

    [Fact]
    public void Sibling_references_inside_an_object_are_not_self_references()
    {
        var config = Parse("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }");
        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void An_unresolved_substitution_names_itself_the_key_and_where_it_is()
    {
        var e = Assert.Throws<ConfigException>(() =>
            ConfigFactory.ParseStringUnresolved("Dhcp4 {\n  valid-lifetime = ${defaults.lifetime}\n}", "node.conf").Resolve(_ => null));
        Assert.Equal("node.conf:2:20: Dhcp4.valid-lifetime: unresolved substitution ${defaults.lifetime}: no such key in the configuration and no environment variable defaults.lifetime", e.Message);
        Assert.Equal(2, e.Line);
        Assert.Equal(20, e.Column);
        Assert.Equal("Dhcp4.valid-lifetime", e.Path);
    }

    [Fact]
    public void A_substitution_cycle_is_reported_with_its_chain()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseStringUnresolved("a = ${b}\nb = ${c}\nc = ${a}", "node.conf").Resolve(_ => null));
        Assert.Equal("node.conf:3:5: c: substitution cycle: ${b} -> ${c} -> ${a}", e.Message);
    }

    [Fact]
    public void A_substitution_cycle_through_an_object_is_reported()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFactory.ParseStringUnresolved("a { x = ${b.y} }\nb { y = ${a.x} }", "node.conf").Resolve(_ => null));
        Assert.Contains("substitution cycle", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("node.conf:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concatenating_a_resolved_object_with_text_is_an_error()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("a { x = 1 }\nb = ${a} text"));
        Assert.Equal("subst.conf:2:10: b: cannot concatenate an object with \"text\"", e.Message);
    }

    [Fact]
    public void Unresolved_configurations_say_so_at_the_getter()
    {
        var config = ConfigFactory.ParseStringUnresolved("a = ${b}\nb = 1", "node.conf");
        Assert.False(config.IsResolved);
        var e = Assert.Throws<ConfigException>(() => config.GetInt("a"));
        Assert.Equal("node.conf:1:5: a: not resolved: ${b} (call Resolve() first)", e.Message);
        Assert.Equal(1, config.Resolve().GetInt("a"));
    }

    [Fact]
    public void Only_undefined_optional_pieces_leave_no_key()
    {
        var config = ConfigFactory.ParseStringUnresolved("a = ${?X1} ${?X2}\nb { c = ${?X1} }").Resolve(_ => null);
        Assert.False(config.HasPath("a"));
        Assert.True(config.HasPath("b"));
        Assert.True(config.GetConfig("b").IsEmpty);
    }

    [Fact]
    public void Substitutions_inside_quotes_are_text()
    {
        var config = Parse("a = \"${x}\"\nb = \"\"\"${?y}\"\"\"");
        Assert.Equal("${x}", config.GetString("a"));
        Assert.Equal("${?y}", config.GetString("b"));
    }

    [Fact]
    public void A_list_cannot_be_concatenated_with_text()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("a = [1]\nb = x ${a}"));
        Assert.Equal("subst.conf:2:5: b: cannot concatenate a list with \"x\"", e.Message);
    }

    [Fact]
    public void Key_lookups_through_origins_of_substituted_values_point_at_the_definition()
    {
        var config = Parse("defaults { lifetime = abc }\nDhcp4.valid-lifetime = ${defaults.lifetime}");
        var e = Assert.Throws<ConfigException>(() => config.GetDuration("Dhcp4.valid-lifetime"));
        Assert.Equal("subst.conf:1:23: Dhcp4.valid-lifetime: expected a duration or number, found \"abc\"", e.Message);
    }
    [Fact]
    public void Substitutions_in_list_elements_resolve_per_element()
    {
        var config = Parse("defaults = [a]\nlist = [ { x = ${defaults} [1] }, { x = ${defaults} [2] }, [ ${defaults}, \"-\"${list2.0} ] ]\nlist2 { 0 = z }");
        var list = config.GetList("list");
        Assert.Equal(["a", "1"], ConfigFactory.FromObject((Values.ConfigObject)list[0]).GetStringList("x"));
        Assert.Equal(["a", "2"], ConfigFactory.FromObject((Values.ConfigObject)list[1]).GetStringList("x"));
        Assert.Equal("[\n    [\"a\"]\n    \"-z\"\n]", list[2].ToHocon());
    }

    [Fact]
    public void Errors_inside_list_elements_name_the_element()
    {
        var e = Assert.Throws<ConfigException>(() => Parse("Dhcp4.subnet4 = [\n  { id = 1 }\n  { id = ${nope} }\n]"));
        Assert.Equal("subst.conf:3:10: Dhcp4.subnet4[1].id: unresolved substitution ${nope}: no such key in the configuration and no environment variable nope", e.Message);
    }

    [Fact]
    public void Thousands_of_appends_to_one_list_resolve_in_a_loop()
    {
        var text = string.Concat(Enumerable.Range(1, 10_000).Select(i => $"Dhcp4.subnet4 += {{ id = {i}, subnet = \"10.{i / 256}.{i % 256}.0/24\" }}\n"));
        var subnets = ConfigFactory.ParseString(text).GetConfigList("Dhcp4.subnet4");
        Assert.Equal(10_000, subnets.Count);
        Assert.Equal(Enumerable.Range(1, 10_000), subnets.Select(s => s.GetInt("id")));
    }

    [Fact]
    public void Values_below_an_assignment_that_does_not_need_them_are_not_resolved()
    {
        var config = ConfigFactory.ParseStringUnresolved("a = ${nope}\na = 5\nb = ${nope} x\nb = ${?b} y\nb = [1]").Resolve(_ => null);
        Assert.Equal(5, config.GetInt("a"));
        Assert.Equal([1], config.GetIntList("b"));
    }

    [Fact]
    public void Merging_with_what_is_below_happens_at_every_level_of_a_chain()
    {
        var config = Parse("x = { a = 1 }\nobj = ${x}\nobj = ${obj} { b = 2 }\nobj { c = 3 }\nobj = ${obj} { d = ${obj.a} }");
        Assert.Equal(["a", "b", "c", "d"], config.GetConfig("obj").Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal(1, config.GetInt("obj.d"));
    }
}
