namespace DhcpCluster.Dhcp.Configuration;

/// <summary>
/// The option-data of one configuration scope, indexed by code so the reply builder finds an option in O(1).
/// </summary>
public sealed class OptionDataSet
{
    private readonly OptionDataItem?[] byCode = new OptionDataItem?[256];

    /// <summary>Creates a set; a later item with the same code replaces an earlier one.</summary>
    public OptionDataSet(IEnumerable<OptionDataItem>? items)
    {
        var list = new List<OptionDataItem>();
        if (items is not null)
        {
            foreach (var item in items)
            {
                if (item.Code is 0 or 255)
                {
                    throw new ArgumentException($"option code {item.Code} cannot carry data", nameof(items));
                }

                if (byCode[item.Code] is null)
                {
                    list.Add(item);
                }
                else
                {
                    list.RemoveAll(i => i.Code == item.Code);
                    list.Add(item);
                }

                byCode[item.Code] = item;
            }
        }

        Items = list;
    }

    /// <summary>An empty set.</summary>
    public static OptionDataSet Empty { get; } = new(null);

    /// <summary>The items in configuration order.</summary>
    public IReadOnlyList<OptionDataItem> Items { get; }

    /// <summary>Whether the set is empty.</summary>
    public bool IsEmpty => Items.Count == 0;

    /// <summary>The item for a code, or null.</summary>
    public OptionDataItem? Get(byte code) => byCode[code];
}
