using System.Diagnostics.CodeAnalysis;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// The option definitions in force: the standard ones plus custom ones from Kea's <c>option-def</c>. Resolves an
/// <c>option-data</c> entry's name and/or code to its definition, the way Kea does: by name, else by code, and
/// when both are given they must agree. Not thread-safe while definitions are being added; read-only afterwards.
/// </summary>
public sealed class OptionDefinitionSet
{
    private readonly Dictionary<(string Space, string Name), OptionDefinition> _byName = [];
    private readonly Dictionary<(string Space, byte Code), OptionDefinition> _byCode = [];

    /// <summary>Creates a set holding the standard DHCPv4 and relay agent sub-option definitions.</summary>
    public OptionDefinitionSet()
    {
        foreach (var definition in StandardOptions.All.Concat(StandardOptions.AgentSubOptions))
        {
            _byName[(definition.Space, definition.Name)] = definition;
            _byCode[(definition.Space, definition.Code)] = definition;
        }
    }

    /// <summary>Adds a custom definition; false when its name or code is already defined in its space.</summary>
    public bool TryAdd(OptionDefinition definition, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_byName.TryGetValue((definition.Space, definition.Name), out var existing) ||
            _byCode.TryGetValue((definition.Space, definition.Code), out existing))
        {
            error = $"option-def '{definition.Name}' (code {definition.Code}, space {definition.Space}) clashes with the existing definition '{existing.Name}' (code {existing.Code}).";
            return false;
        }

        _byName[(definition.Space, definition.Name)] = definition;
        _byCode[(definition.Space, definition.Code)] = definition;
        error = null;
        return true;
    }

    /// <summary>Adds a custom definition.</summary>
    /// <exception cref="ArgumentException">It clashes with an existing one.</exception>
    public void Add(OptionDefinition definition)
    {
        if (!TryAdd(definition, out var error))
        {
            throw new ArgumentException(error, nameof(definition));
        }
    }

    /// <summary>The definition with this name in the space.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out OptionDefinition? definition, string space = OptionDefinition.Dhcp4Space) =>
        _byName.TryGetValue((space, name), out definition);

    /// <summary>The definition with this code in the space.</summary>
    public bool TryGet(byte code, [NotNullWhen(true)] out OptionDefinition? definition, string space = OptionDefinition.Dhcp4Space) =>
        _byCode.TryGetValue((space, code), out definition);

    /// <summary>
    /// Finds the definition of an <c>option-data</c> entry from its name and/or code. A code without a definition
    /// resolves to an anonymous binary definition (its data must then be hex, csv-format = false, as in Kea).
    /// </summary>
    public bool TryResolve(string? name, int? code, string? space, [NotNullWhen(true)] out OptionDefinition? definition, [NotNullWhen(false)] out string? error)
    {
        definition = null;
        space ??= OptionDefinition.Dhcp4Space;
        if (name is null && code is null)
        {
            error = "option-data needs a name or a code.";
            return false;
        }

        if (code is { } c && c is < 1 or > 254)
        {
            error = $"option-data: code {c} is outside 1-254.";
            return false;
        }

        if (name is not null)
        {
            if (!TryGet(name, out definition, space))
            {
                error = $"option-data: unknown option name '{name}' in space '{space}' (define it with option-def).";
                return false;
            }

            if (code is { } given && given != definition.Code)
            {
                error = $"option-data: name '{name}' is code {definition.Code}, not {given}.";
                definition = null;
                return false;
            }

            error = null;
            return true;
        }

        if (!TryGet((byte)code!.Value, out definition, space))
        {
            definition = OptionDefinition.Create($"option-{code.Value}", code.Value, OptionDataType.Binary, space: space);
        }

        error = null;
        return true;
    }
}
