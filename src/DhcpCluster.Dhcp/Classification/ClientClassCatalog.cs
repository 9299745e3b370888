using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Dhcp.Classification;

/// <summary>
/// The configured client classes, compiled: tests parsed, <c>member()</c> names bound to earlier classes or to Kea's
/// built-in classes, and the classes that depend on KNOWN/UNKNOWN set apart for evaluation after host lookup (Kea's
/// classification steps).
/// </summary>
public sealed class ClientClassCatalog
{
    /// <summary>The prefix of Kea's built-in vendor classes (<c>VENDOR_CLASS_</c> + option 60).</summary>
    public const string VendorClassPrefix = "VENDOR_CLASS_";

    private readonly Dictionary<string, CompiledClientClass> byName = new(StringComparer.Ordinal);

    /// <summary>Compiles the classes; throws <see cref="ConfigurationException"/> naming the class on any problem.</summary>
    public ClientClassCatalog(IReadOnlyList<ClientClassDefinition> definitions, Func<string, int?>? optionNames = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var classes = new List<CompiledClientClass>(definitions.Count);
        foreach (var definition in definitions)
        {
            if (IsBuiltIn(definition.Name))
            {
                throw new ConfigurationException($"client-classes: '{definition.Name}' is a built-in class name");
            }

            if (byName.ContainsKey(definition.Name))
            {
                throw new ConfigurationException($"client-classes: class '{definition.Name}' is defined twice");
            }

            ExpressionNode? test = null;
            var dependsOnKnown = false;
            if (definition.Test is { } text)
            {
                try
                {
                    test = ExpressionParser.Parse(text, optionNames);
                }
                catch (ExpressionSyntaxException e)
                {
                    throw new ConfigurationException($"client-classes: class '{definition.Name}': test: {e.Message}", e);
                }

                foreach (var member in MembersOf(test))
                {
                    dependsOnKnown |= Bind(member, $"class '{definition.Name}'");
                }
            }

            var compiled = new CompiledClientClass(definition, classes.Count, test, dependsOnKnown);
            classes.Add(compiled);
            byName.Add(definition.Name, compiled);
        }

        Classes = classes;
    }

    /// <summary>The compiled classes in configuration order.</summary>
    public IReadOnlyList<CompiledClientClass> Classes { get; }

    /// <summary>Whether a name is one of Kea's built-in classes.</summary>
    public static bool IsBuiltIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name is "ALL" or "KNOWN" or "UNKNOWN" || name.StartsWith(VendorClassPrefix, StringComparison.Ordinal);
    }

    /// <summary>The compiled class of a name, or null.</summary>
    public CompiledClientClass? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>
    /// A membership test for a class name used by a subnet, pool or shared network <c>client-class</c>
    /// (configured or built-in); throws <see cref="ConfigurationException"/> for an unknown name.
    /// </summary>
    public ExpressionNode.Member Reference(string name, string usedBy)
    {
        var member = new ExpressionNode.Member(0, name);
        Bind(member, usedBy);
        return member;
    }

    /// <summary>
    /// Evaluates, in order, the classes whose tests do not depend on KNOWN/UNKNOWN (Kea's classification before host
    /// lookup). Call after <see cref="EvaluationContext.Reset"/>.
    /// </summary>
    public void EvaluateBeforeHostLookup(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var classes = Classes;
        for (var i = 0; i < classes.Count; i++)
        {
            var c = classes[i];
            if (c.Test is { } test && !c.DependsOnKnown && test.EvaluateBoolean(context))
            {
                context.SetMember(c.Index);
            }
        }
    }

    /// <summary>
    /// Applies the host lookup result: KNOWN/UNKNOWN, the reservation's classes, then the classes that depend on
    /// KNOWN/UNKNOWN, in order.
    /// </summary>
    public void EvaluateAfterHostLookup(EvaluationContext context, HostReservation? reservation)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Known = reservation is not null;
        if (reservation is not null)
        {
            var names = reservation.ClientClasses;
            for (var i = 0; i < names.Count; i++)
            {
                if (byName.TryGetValue(names[i], out var c))
                {
                    context.SetMember(c.Index);
                }
            }
        }

        var all = Classes;
        for (var i = 0; i < all.Count; i++)
        {
            var c = all[i];
            if (c.Test is { } test && c.DependsOnKnown && test.EvaluateBoolean(context))
            {
                context.SetMember(c.Index);
            }
        }
    }

    private static IEnumerable<ExpressionNode.Member> MembersOf(ExpressionNode node)
    {
        var stack = new Stack<ExpressionNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is ExpressionNode.Member member)
            {
                yield return member;
            }

            foreach (var child in current.Children)
            {
                stack.Push(child);
            }
        }
    }

    private bool Bind(ExpressionNode.Member member, string usedBy)
    {
        switch (member.ClassName)
        {
            case "ALL":
                member.BindToBuiltIn(MemberBinding.All);
                return false;
            case "KNOWN":
                member.BindToBuiltIn(MemberBinding.Known);
                return true;
            case "UNKNOWN":
                member.BindToBuiltIn(MemberBinding.Unknown);
                return true;
        }

        if (member.ClassName.StartsWith(VendorClassPrefix, StringComparison.Ordinal))
        {
            member.BindToBuiltIn(MemberBinding.VendorClass);
            return false;
        }

        if (!byName.TryGetValue(member.ClassName, out var target))
        {
            throw new ConfigurationException($"{usedBy}: member('{member.ClassName}') refers to a class that is not defined before it");
        }

        member.BindToClass(target.Index);
        return target.DependsOnKnown;
    }
}
