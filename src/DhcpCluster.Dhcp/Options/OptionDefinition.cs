using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace DhcpCluster.Dhcp.Options;

/// <summary>
/// How an option is named and what its data looks like, as Kea's <c>option-def</c> says it: name, code, type,
/// array, record-types, space, encapsulate. For a record with <see cref="IsArray"/>, the last record field repeats
/// (Kea's rule: e.g. slp-directory-agent is one boolean followed by any number of addresses).
/// </summary>
public sealed record OptionDefinition
{
    /// <summary>The space of the standard DHCPv4 options.</summary>
    public const string Dhcp4Space = "dhcp4";

    /// <summary>The space of option 82's sub-options.</summary>
    public const string AgentSpace = "dhcp-agent-options-space";

    private OptionDefinition(string name, byte code, OptionDataType type, bool isArray, ImmutableArray<OptionDataType> recordTypes, string space, string? encapsulate, int tupleLengthSize)
    {
        Name = name;
        Code = code;
        Type = type;
        IsArray = isArray;
        RecordTypes = recordTypes;
        Space = space;
        Encapsulate = encapsulate;
        TupleLengthSize = tupleLengthSize;
    }

    /// <summary>Kea's option name ("routers").</summary>
    public string Name { get; }

    /// <summary>The option code.</summary>
    public byte Code { get; }

    /// <summary>The data format.</summary>
    public OptionDataType Type { get; }

    /// <summary>True when the value is a list of <see cref="Type"/> (for records: the last field repeats).</summary>
    public bool IsArray { get; }

    /// <summary>The field types of a record; empty otherwise.</summary>
    public ImmutableArray<OptionDataType> RecordTypes { get; }

    /// <summary>The option space ("dhcp4").</summary>
    public string Space { get; }

    /// <summary>The space of the sub-options this option carries, if any.</summary>
    public string? Encapsulate { get; }

    /// <summary>Size of the length prefix of tuple values (1, or 2 for v4-sztp-redirect, RFC 8572 §8.3).</summary>
    public int TupleLengthSize { get; }

    /// <summary>Creates a definition after checking it the way Kea checks an <c>option-def</c>.</summary>
    /// <exception cref="ArgumentException">With the reason ("option-def 'x': ...").</exception>
    public static OptionDefinition Create(
        string name, int code, OptionDataType type, bool isArray = false, IEnumerable<OptionDataType>? recordTypes = null,
        string space = Dhcp4Space, string? encapsulate = null, int tupleLengthSize = 1)
    {
        if (!TryCreate(name, code, type, isArray, recordTypes, space, encapsulate, tupleLengthSize, out var definition, out var error))
        {
            throw new ArgumentException(error, nameof(name));
        }

        return definition;
    }

    /// <summary>Creates a definition from Kea's text form of the type and record-types ("record", "uint8, ipv4-address").</summary>
    public static bool TryCreate(
        string name, int code, string typeName, bool isArray, string? recordTypeNames, string space, string? encapsulate,
        [NotNullWhen(true)] out OptionDefinition? definition, [NotNullWhen(false)] out string? error)
    {
        definition = null;
        if (!OptionDataTypeNames.TryParse(typeName, out var type))
        {
            error = $"option-def '{name}': unknown type '{typeName}' (expected one of {string.Join(", ", OptionDataTypeNames.AllNames)}).";
            return false;
        }

        var fields = new List<OptionDataType>();
        if (!string.IsNullOrWhiteSpace(recordTypeNames))
        {
            foreach (var part in recordTypeNames.Split(','))
            {
                if (!OptionDataTypeNames.TryParse(part, out var field))
                {
                    error = $"option-def '{name}': unknown record type '{part.Trim()}'.";
                    return false;
                }

                fields.Add(field);
            }
        }

        return TryCreate(name, code, type, isArray, fields, space, encapsulate, 1, out definition, out error);
    }

    private static bool TryCreate(
        string name, int code, OptionDataType type, bool isArray, IEnumerable<OptionDataType>? recordTypes, string space,
        string? encapsulate, int tupleLengthSize, [NotNullWhen(true)] out OptionDefinition? definition, [NotNullWhen(false)] out string? error)
    {
        definition = null;
        var fields = recordTypes?.ToImmutableArray() ?? [];
        error = Validate(name, code, type, isArray, fields, space);
        if (error is not null)
        {
            return false;
        }

        if (tupleLengthSize is not (1 or 2))
        {
            error = $"option-def '{name}': a tuple length is 1 or 2 bytes.";
            return false;
        }

        definition = new OptionDefinition(name, (byte)code, type, isArray, type == OptionDataType.Record ? fields : [], space, encapsulate, tupleLengthSize);
        return true;
    }

    private static string? Validate(string name, int code, OptionDataType type, bool isArray, ImmutableArray<OptionDataType> fields, string space)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return $"option-def '{name}': a name is letters, digits, '-', '_' and '.', starting with a letter or digit.";
        }

        if (code is < 1 or > 254)
        {
            return $"option-def '{name}': code {code} is outside 1-254 (0 and 255 are Pad and End).";
        }

        if (string.IsNullOrWhiteSpace(space))
        {
            return $"option-def '{name}': the space is empty.";
        }

        if (type == OptionDataType.Record)
        {
            if (fields.Length == 0)
            {
                return $"option-def '{name}': a record needs record-types.";
            }

            for (var i = 0; i < fields.Length; i++)
            {
                if (!OptionDataTypeNames.IsRecordFieldType(fields[i]))
                {
                    return $"option-def '{name}': '{OptionDataTypeNames.NameOf(fields[i])}' cannot be a record field.";
                }

                if (OptionDataTypeNames.FixedSize(fields[i]) < 0 && fields[i] != OptionDataType.Fqdn && fields[i] != OptionDataType.Tuple
                    && fields[i] != OptionDataType.Ipv6Prefix && i != fields.Length - 1)
                {
                    return $"option-def '{name}': a '{OptionDataTypeNames.NameOf(fields[i])}' field can only be the last one of a record.";
                }
            }
        }
        else if (!fields.IsDefaultOrEmpty)
        {
            return $"option-def '{name}': record-types are only allowed with type 'record'.";
        }

        if (isArray && type is OptionDataType.Empty or OptionDataType.Binary or OptionDataType.String or OptionDataType.Internal)
        {
            return $"option-def '{name}': type '{OptionDataTypeNames.NameOf(type)}' cannot be an array.";
        }

        return null;
    }

    /// <summary>
    /// The size of one element of a fixed-size array (4 for an ipv4-address array), else 1: the alignment to split a
    /// long value at (<c>DhcpPacketWriter.WriteOption(code, value, splitAlignment)</c>).
    /// </summary>
    public int SplitAlignment => IsArray && Type != OptionDataType.Record && OptionDataTypeNames.FixedSize(Type) > 0
        ? OptionDataTypeNames.FixedSize(Type)
        : 1;

    /// <summary>Kea's text of the type, with record types: "record (uint8, binary)".</summary>
    public string TypeText => Type == OptionDataType.Record
        ? $"record ({string.Join(", ", RecordTypes.Select(OptionDataTypeNames.NameOf))})"
        : OptionDataTypeNames.NameOf(Type);
}
