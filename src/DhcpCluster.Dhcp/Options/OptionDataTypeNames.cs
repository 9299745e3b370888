using System.Diagnostics.CodeAnalysis;

namespace DhcpCluster.Dhcp.Options;

/// <summary>Kea's names of <see cref="OptionDataType"/> values.</summary>
public static class OptionDataTypeNames
{
    private static readonly (string Name, OptionDataType Type)[] Names =
    [
        ("empty", OptionDataType.Empty), ("binary", OptionDataType.Binary), ("boolean", OptionDataType.Boolean),
        ("int8", OptionDataType.Int8), ("int16", OptionDataType.Int16), ("int32", OptionDataType.Int32),
        ("uint8", OptionDataType.UInt8), ("uint16", OptionDataType.UInt16), ("uint32", OptionDataType.UInt32),
        ("ipv4-address", OptionDataType.Ipv4Address), ("ipv6-address", OptionDataType.Ipv6Address),
        ("ipv6-prefix", OptionDataType.Ipv6Prefix), ("psid", OptionDataType.Psid), ("string", OptionDataType.String),
        ("fqdn", OptionDataType.Fqdn), ("tuple", OptionDataType.Tuple), ("record", OptionDataType.Record),
        ("internal", OptionDataType.Internal),
    ];

    /// <summary>Kea's name of the type ("ipv4-address").</summary>
    public static string NameOf(OptionDataType type)
    {
        foreach (var (name, value) in Names)
        {
            if (value == type)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown option data type.");
    }

    /// <summary>The type with Kea's name; false for an unknown name.</summary>
    public static bool TryParse(string? name, out OptionDataType type)
    {
        foreach (var (known, value) in Names)
        {
            if (string.Equals(known, name?.Trim(), StringComparison.Ordinal))
            {
                type = value;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>The fixed wire size of a type, or -1 when variable.</summary>
    public static int FixedSize(OptionDataType type) => type switch
    {
        OptionDataType.Boolean or OptionDataType.Int8 or OptionDataType.UInt8 => 1,
        OptionDataType.Int16 or OptionDataType.UInt16 => 2,
        OptionDataType.Int32 or OptionDataType.UInt32 or OptionDataType.Ipv4Address => 4,
        OptionDataType.Ipv6Address => 16,
        OptionDataType.Psid => 3,
        OptionDataType.Empty => 0,
        _ => -1,
    };

    /// <summary>True for the types a record field may have.</summary>
    public static bool IsRecordFieldType(OptionDataType type) =>
        type is not (OptionDataType.Record or OptionDataType.Empty or OptionDataType.Internal);

    /// <summary>All names, for error messages.</summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "A fresh copy each call.")]
    public static string[] AllNames => Array.ConvertAll(Names, n => n.Name);
}
