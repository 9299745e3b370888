using DhcpCluster.Dhcp.Classification;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Options;
using DhcpCluster.Hocon;

namespace DhcpCluster.Server.Configuration;

internal sealed partial class Dhcp4Binder
{
    private void BindOptionDefinitions(Config dhcp4)
    {
        foreach (var element in reader.List(dhcp4, Dhcp4ConfigKeys.OptionDef))
        {
            var errorsBefore = reader.ErrorCount;
            var name = reader.Required(element, Dhcp4ConfigKeys.OptionDefName, "an option definition needs a name");
            var code = reader.Int(element, Dhcp4ConfigKeys.OptionDefCode);
            if (code is null && !element.HasPath(Dhcp4ConfigKeys.OptionDefCode))
            {
                reader.Error(element, Dhcp4ConfigKeys.OptionDefCode, "missing: an option definition needs a code");
            }

            var type = reader.Required(element, Dhcp4ConfigKeys.OptionDefType, "an option definition needs a type");
            var array = reader.Boolean(element, Dhcp4ConfigKeys.OptionDefArray) ?? false;
            var recordTypes = reader.String(element, Dhcp4ConfigKeys.OptionDefRecordTypes);
            var space = reader.String(element, Dhcp4ConfigKeys.OptionDefSpace) ?? OptionDefinition.Dhcp4Space;
            var encapsulate = reader.String(element, Dhcp4ConfigKeys.OptionDefEncapsulate);
            if (reader.ErrorCount > errorsBefore)
            {
                continue;
            }

            if (!OptionDefinition.TryCreate(name!, code!.Value, type!, array, string.IsNullOrEmpty(recordTypes) ? null : recordTypes, space, string.IsNullOrEmpty(encapsulate) ? null : encapsulate, out var definition, out var error))
            {
                reader.Error(element, error.Contains("type", StringComparison.Ordinal) ? Dhcp4ConfigKeys.OptionDefType : Dhcp4ConfigKeys.OptionDefName, Trim(error));
                continue;
            }

            if (!definitions.TryAdd(definition, out error))
            {
                reader.Error(element, Dhcp4ConfigKeys.OptionDefCode, Trim(error));
            }
        }
    }

    private OptionDataSet BindOptions(Config scope, OptionDataKeys keys)
    {
        var elements = reader.List(scope, keys.List);
        if (elements.Count == 0)
        {
            return OptionDataSet.Empty;
        }

        var items = new List<OptionDataItem>(elements.Count);
        foreach (var element in elements)
        {
            if (BindOption(element, keys) is { } item)
            {
                items.Add(item);
            }
        }

        return new OptionDataSet(items);
    }

    private OptionDataItem? BindOption(Config element, OptionDataKeys keys)
    {
        var errorsBefore = reader.ErrorCount;
        var name = reader.String(element, keys.Name);
        var code = reader.Int(element, keys.Code);
        var space = reader.String(element, keys.Space);
        var data = reader.String(element, keys.Data) ?? string.Empty;
        var csvGiven = element.HasPath(keys.CsvFormat);
        var csv = reader.Boolean(element, keys.CsvFormat) ?? true;
        var alwaysSend = reader.Boolean(element, keys.AlwaysSend) ?? false;
        if (reader.ErrorCount > errorsBefore)
        {
            return null;
        }

        if (name is null && code is null)
        {
            reader.Error(element, keys.Name, "missing: an option needs a name or a code");
            return null;
        }

        if (space is not null && !string.Equals(space, OptionDefinition.Dhcp4Space, StringComparison.Ordinal))
        {
            reader.Warning(element, keys.Space, $"options of space '{space}' are not supported yet: this option is not sent");
            return null;
        }

        if (code is { } c && (c < 1 || c > 254))
        {
            reader.Error(element, keys.Code, $"{c} is out of range: expected an option code from 1 to 254");
            return null;
        }

        if (!definitions.TryResolve(name, code, space, out var definition, out var error))
        {
            reader.Error(element, name is not null ? keys.Name : keys.Code, Trim(error));
            return null;
        }

        if (name is null && !definitions.TryGet(definition.Code, out _))
        {
            // No definition: Kea takes the data as hex, and refuses text it cannot interpret.
            if (csvGiven && csv)
            {
                reader.Error(element, keys.CsvFormat, $"option code {definition.Code} has no definition: give the data in hex with csv-format false, or define it with option-def");
                return null;
            }

            csv = false;
        }

        if (!OptionData.TryEncode(definition, data, csv, out var bytes, out error))
        {
            reader.Error(element, keys.Data, Trim(error));
            return null;
        }

        return new OptionDataItem(definition.Code, bytes, alwaysSend);
    }

    /// <summary>The problem text without the "option-data: " prefix (the key path says it) and the final period.</summary>
    private static string Trim(string error)
    {
        var text = error.StartsWith("option-data: ", StringComparison.Ordinal) ? error["option-data: ".Length..] : error;
        return text.EndsWith('.') ? text[..^1] : text;
    }

    private List<ClientClassDefinition> BindClientClasses(Config dhcp4)
    {
        var classes = new List<ClientClassDefinition>();
        var elements = reader.List(dhcp4, Dhcp4ConfigKeys.ClientClasses);

        // Every name is known before any scope refers to it (a subnet may name a class defined after it).
        foreach (var element in elements)
        {
            if (element.HasPath(Dhcp4ConfigKeys.ClientClassesName) && element.GetValue(Dhcp4ConfigKeys.ClientClassesName) is Hocon.Values.ConfigString s)
            {
                classNames.Add(s.Value);
            }
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            if (BindClientClass(element, seen) is { } definition)
            {
                classes.Add(definition);
            }
        }

        return classes;
    }

    private ClientClassDefinition? BindClientClass(Config element, Dictionary<string, string> seen)
    {
        var errorsBefore = reader.ErrorCount;
        var name = reader.Required(element, Dhcp4ConfigKeys.ClientClassesName, "a client class needs a name");
        if (name is not null)
        {
            if (ClientClassCatalog.IsBuiltIn(name))
            {
                reader.Error(element, Dhcp4ConfigKeys.ClientClassesName, $"'{name}' is a built-in class name (ALL, KNOWN, UNKNOWN, VENDOR_CLASS_*)");
            }
            else if (seen.TryGetValue(name, out var first))
            {
                reader.Error(element, Dhcp4ConfigKeys.ClientClassesName, $"client class '{name}' is already defined ({first})");
            }
            else
            {
                seen.Add(name, element.Position);
            }
        }

        var test = reader.String(element, Dhcp4ConfigKeys.ClientClassesTest);
        if (test is not null)
        {
            try
            {
                _ = ExpressionParser.Parse(test, OptionCodeOf);
            }
            catch (ExpressionSyntaxException e)
            {
                reader.Error(element, Dhcp4ConfigKeys.ClientClassesTest, $"the expression does not parse at character {e.Position + 1}: {e.Problem}");
            }
        }

        var lifetime = reader.Seconds(element, Dhcp4ConfigKeys.ClientClassesValidLifetime);
        var next = reader.Address(element, Dhcp4KeySets.ClientClassBoot.NextServer);
        var sname = reader.String(element, Dhcp4KeySets.ClientClassBoot.ServerHostname);
        var file = reader.String(element, Dhcp4KeySets.ClientClassBoot.BootFileName);
        var options = BindOptions(element, Dhcp4KeySets.ClientClassOptions);
        if (reader.ErrorCount > errorsBefore || name is null)
        {
            return null;
        }

        return new ClientClassDefinition(name)
        {
            Test = test,
            ValidLifetime = lifetime,
            NextServer = next,
            ServerHostname = sname,
            BootFileName = file,
            OptionData = options,
        };
    }
}
