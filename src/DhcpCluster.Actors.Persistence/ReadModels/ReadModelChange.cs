namespace DhcpCluster.Actors.Persistence.ReadModels;

/// <summary>A row change in a declared read-model table, committed with the events of its write.</summary>
public sealed class ReadModelChange
{
    private ReadModelChange(string table, ReadModelChangeKind kind, IReadOnlyList<object?> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(values);
        Table = table;
        Kind = kind;
        Values = values;
    }

    /// <summary>Table name, as declared.</summary>
    public string Table { get; }

    /// <summary>Upsert or delete.</summary>
    public ReadModelChangeKind Kind { get; }

    /// <summary>Upsert: one value per column in declared order. Delete: one value per key column.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>Inserts or replaces a row (values in the table's column order).</summary>
    public static ReadModelChange Upsert(string table, params object?[] values) => new(table, ReadModelChangeKind.Upsert, values);

    /// <summary>Deletes the row with the key (values in key-column order).</summary>
    public static ReadModelChange Delete(string table, params object?[] keyValues) => new(table, ReadModelChangeKind.Delete, keyValues);
}
