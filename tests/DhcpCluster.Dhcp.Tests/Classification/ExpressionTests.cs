using System.Text;
using DhcpCluster.Dhcp.Classification;
using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Dhcp.Tests.Classification;

/// <summary>Kea's test expression language: every operator evaluated, and parse errors with their positions.</summary>
public class ExpressionTests
{
    private static readonly FakeClassificationInput Pxe = CreatePxeInput();

    [Theory]
    [InlineData("option[60].text == 'PXEClient:Arch:00007'", true)]
    [InlineData("option[60].hex == 0x505845436c69656e743a417263683a3030303037", true)]
    [InlineData("option[vendor-class-identifier].text == 'PXEClient:Arch:00007'", true)]
    [InlineData("option[93].hex == 0x0007", true)]
    [InlineData("option[93].hex == 0x0000", false)]
    [InlineData("option[93].exists", true)]
    [InlineData("option[77].exists", false)]
    [InlineData("not option[77].exists", true)]
    [InlineData("option[77].hex == ''", true)]
    [InlineData("substring(option[60].text, 0, 9) == 'PXEClient'", true)]
    [InlineData("substring(option[60].text, -5, 'all') == '00007'", true)]
    [InlineData("concat(substring(option[60].text, 0, 3), 'X') == 'PXEX'", true)]
    [InlineData("pkt4.mac == 0x020000000001", true)]
    [InlineData("pkt4.htype == 0x00000001", true)]
    [InlineData("pkt4.hlen == 0x00000006", true)]
    [InlineData("pkt4.msgtype == 0x00000001", true)]
    [InlineData("pkt4.transid == 0xdeadbeef", true)]
    [InlineData("pkt4.giaddr == 192.0.2.5", true)]
    [InlineData("pkt4.ciaddr == 0.0.0.0", true)]
    [InlineData("pkt4.yiaddr == 0.0.0.0 and pkt4.siaddr == 0.0.0.0", true)]
    [InlineData("relay4[1].hex == 'port-7'", true)]
    [InlineData("relay4[1].text == 'port-7'", true)]
    [InlineData("relay4[2].exists", false)]
    [InlineData("relay4[1].exists and not relay4[2].exists", true)]
    [InlineData("ifelse(option[93].exists, 'uefi', 'bios') == 'uefi'", true)]
    [InlineData("ifelse(option[77].exists, 'a', 'b') == 'b'", true)]
    [InlineData("hexstring(pkt4.mac, ':') == '02:00:00:00:00:01'", true)]
    [InlineData("member('ALL')", true)]
    [InlineData("member('VENDOR_CLASS_PXEClient:Arch:00007')", true)]
    [InlineData("member('VENDOR_CLASS_PXEClient')", false)]
    [InlineData("member('UNKNOWN') and not member('KNOWN')", true)]
    [InlineData("'a' == 'b' or 'a' == 'a' and 'b' == 'b'", true)]
    [InlineData("('a' == 'b' or 'a' == 'a') and 'b' == 'c'", false)]
    [InlineData("not not 'x' == 'x'", true)]
    public void Kea_expression_evaluates(string expression, bool expected)
    {
        var catalog = new ClientClassCatalog([new ClientClassDefinition("c") { Test = expression }]);
        var context = new EvaluationContext(1);
        context.Reset(Pxe);
        catalog.EvaluateBeforeHostLookup(context);
        catalog.EvaluateAfterHostLookup(context, reservation: null);
        Assert.Equal(expected, context.IsMember(0));
    }

    [Theory]
    [InlineData(0, "3", "foo")]
    [InlineData(3, "3", "bar")]
    [InlineData(3, "'all'", "bar")]
    [InlineData(1, "4", "ooba")]
    [InlineData(-5, "4", "ooba")]
    [InlineData(-1, "-3", "oba")]
    [InlineData(4, "-2", "ob")]
    [InlineData(10, "2", "")]
    [InlineData(-7, "2", "")]
    [InlineData(2, "-5", "fo")]
    public void Kea_substring_rules(int start, string length, string expected)
    {
        var node = ExpressionParser.Parse($"substring('foobar', {start}, {length}) == '{expected}'");
        var context = new EvaluationContext(0);
        context.Reset(Pxe);
        Assert.True(node.EvaluateBoolean(context), node.ToString());
    }

    [Theory]
    [InlineData("option[60].text == ", 19, "expected an expression, found end of expression")]
    [InlineData("option[60.text == 'a'", 9, "expected ']' after the option code")]
    [InlineData("option[300].hex == 'a'", 7, "option code 300 is outside 1..254")]
    [InlineData("option[60].text", 0, "a test must be a boolean expression")]
    [InlineData("'a' and 'b' == 'b'", 0, "'and' needs a boolean operand")]
    [InlineData("'unterminated == 'x'", 19, "unterminated string literal")]
    [InlineData("option[93].exists == 'true'", 0, "'==' needs a string operand")]
    [InlineData("0x123 == 'a'", 0, "odd number of digits")]
    [InlineData("foo == 'a'", 0, "unknown name 'foo'")]
    [InlineData("pkt4.bogus == 'a'", 5, "unknown pkt4 field 'bogus'")]
    [InlineData("substring(option[60].text, x, 2) == 'a'", 27, "expected the substring start")]
    [InlineData("option[60].text = 'a'", 16, "a single '=' is not an operator")]
    [InlineData("option[60].hex == 'a' 'b'", 22, "unexpected string 'b' after a complete expression")]
    [InlineData("option[unknown-name].hex == 'a'", 7, "unknown option name 'unknown-name'")]
    [InlineData("option[60].size == 'a'", 11, "unknown option representation 'size'")]
    [InlineData("42 == 'a'", 0, "the integer 42 is not a string")]
    [InlineData("ifelse('a', 'b', 'c') == 'b'", 7, "'ifelse' needs a boolean operand")]
    [InlineData("member(x)", 7, "expected a quoted class name")]
    [InlineData("option[60].exists == 'a' #", 25, "unexpected character '#'")]
    public void Syntax_errors_name_the_position_and_the_problem(string expression, int position, string problem)
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(expression));
        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"expression '{expression}': at position {position + 1}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("option[60].text=='a'", "option[60].text == 'a'")]
    [InlineData("a == b", null)]
    [InlineData("not(option[1].exists)", "not option[1].exists")]
    [InlineData("option[1].exists or option[2].exists and option[3].exists", "(option[1].exists or (option[2].exists and option[3].exists))")]
    [InlineData("substring(pkt4.mac,0,'all') == 0x0a", "substring(pkt4.mac, 0, 'all') == 0x0A")]
    [InlineData("concat(relay4[1].hex, 10.0.0.1) == 0x00", "concat(relay4[1].hex, 0x0A000001) == 0x00")]
    public void Parser_builds_the_expected_tree(string expression, string? canonical)
    {
        if (canonical is null)
        {
            Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(expression));
            return;
        }

        Assert.Equal(canonical, ExpressionParser.Parse(expression).ToString());
    }

    [Fact]
    public void Member_of_a_class_defined_later_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => new ClientClassCatalog(
        [
            new ClientClassDefinition("a") { Test = "member('b')" },
            new ClientClassDefinition("b") { Test = "option[60].exists" },
        ]));
        Assert.Contains("class 'a'", error.Message, StringComparison.Ordinal);
        Assert.Contains("member('b')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_test_syntax_error_names_the_class()
    {
        var error = Assert.Throws<ConfigurationException>(() => new ClientClassCatalog([new ClientClassDefinition("broken") { Test = "option[60" }]));
        Assert.StartsWith("client-classes: class 'broken': test: expression 'option[60': at position 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_and_built_in_class_names_are_refused()
    {
        Assert.Throws<ConfigurationException>(() => new ClientClassCatalog([new ClientClassDefinition("x"), new ClientClassDefinition("x")]));
        Assert.Throws<ConfigurationException>(() => new ClientClassCatalog([new ClientClassDefinition("KNOWN")]));
        Assert.Throws<ConfigurationException>(() => new ClientClassCatalog([new ClientClassDefinition("VENDOR_CLASS_x")]));
    }

    [Fact]
    public void Classes_are_evaluated_in_order_and_known_dependency_is_transitive()
    {
        var catalog = new ClientClassCatalog(
        [
            new ClientClassDefinition("pxe") { Test = "substring(option[60].text, 0, 9) == 'PXEClient'" },
            new ClientClassDefinition("pxe-uefi") { Test = "member('pxe') and option[93].hex == 0x0007" },
            new ClientClassDefinition("known-pxe") { Test = "member('KNOWN') and member('pxe')" },
            new ClientClassDefinition("after-known") { Test = "member('known-pxe')" },
            new ClientClassDefinition("reserved-only"),
        ]);
        Assert.False(catalog.Classes[1].DependsOnKnown);
        Assert.True(catalog.Classes[2].DependsOnKnown);
        Assert.True(catalog.Classes[3].DependsOnKnown);

        var context = new EvaluationContext(catalog.Classes.Count);
        context.Reset(Pxe);
        catalog.EvaluateBeforeHostLookup(context);
        Assert.True(context.IsMember(0));
        Assert.True(context.IsMember(1));
        Assert.False(context.IsMember(2));
        catalog.EvaluateAfterHostLookup(context, new HostReservation { HwAddress = Pxe.Mac, ClientClasses = ["reserved-only"] });
        Assert.True(context.IsMember(2));
        Assert.True(context.IsMember(3));
        Assert.True(context.IsMember(4));
    }

    [Fact]
    public void Evaluation_reuses_its_scratch_space_without_allocating()
    {
        var node = ExpressionParser.Parse("concat(hexstring(pkt4.mac, ':'), concat('-', substring(option[60].text, 0, 9))) == '02:00:00:00:00:01-PXEClient'");
        var context = new EvaluationContext(0);
        context.Reset(Pxe);
        Assert.True(node.EvaluateBoolean(context));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            context.Reset(Pxe);
            node.EvaluateBoolean(context);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static FakeClassificationInput CreatePxeInput()
    {
        var input = new FakeClassificationInput { RelayAddress = Ipv4Address.Parse("192.0.2.5") };
        input.Options[60] = Encoding.ASCII.GetBytes("PXEClient:Arch:00007");
        input.Options[93] = [0, 7];
        input.RelaySubOptions[1] = Encoding.ASCII.GetBytes("port-7");
        return input;
    }
}
