using DhcpCluster.Actors.Persistence.Sql;

namespace DhcpCluster.Actors.Persistence.ReadModels;

/// <summary>
/// A table the application keeps next to the journal (for example leases by address), written in the same
/// transaction as the events that change it. The store creates it (and its unique indexes) when it starts.
/// </summary>
public sealed class ReadModelTable
{
    /// <summary>Declares a table.</summary>
    /// <param name="name">SQL identifier of the table.</param>
    /// <param name="columns">Its columns, in the order <see cref="ReadModelChange.Upsert"/> takes values.</param>
    /// <param name="keyColumns">The primary key (upserts replace the row with the same key).</param>
    /// <param name="uniqueIndexes">Further unique constraints; a write that violates one is rejected.</param>
    /// <param name="indexes">Plain indexes for lookups.</param>
    /// <exception cref="ArgumentException">A name is not an identifier, a key or index names an unknown column, or there are no key columns.</exception>
    public ReadModelTable(
        string name,
        IReadOnlyList<ReadModelColumn> columns,
        IReadOnlyList<string> keyColumns,
        IReadOnlyList<IReadOnlyList<string>>? uniqueIndexes = null,
        IReadOnlyList<IReadOnlyList<string>>? indexes = null)
    {
        SqlIdentifier.Validate(name, nameof(name));
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(keyColumns);
        if (columns.Count == 0)
        {
            throw new ArgumentException($"Read-model table '{name}' needs columns.", nameof(columns));
        }

        if (keyColumns.Count == 0)
        {
            throw new ArgumentException($"Read-model table '{name}' needs key columns.", nameof(keyColumns));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            SqlIdentifier.Validate(column.Name, nameof(columns));
            if (!seen.Add(column.Name))
            {
                throw new ArgumentException($"Read-model table '{name}' declares column '{column.Name}' twice.", nameof(columns));
            }
        }

        CheckColumns(name, seen, keyColumns, nameof(keyColumns));
        foreach (var index in uniqueIndexes ?? [])
        {
            CheckColumns(name, seen, index, nameof(uniqueIndexes));
        }

        foreach (var index in indexes ?? [])
        {
            CheckColumns(name, seen, index, nameof(indexes));
        }

        Name = name;
        Columns = columns;
        KeyColumns = keyColumns;
        UniqueIndexes = uniqueIndexes ?? [];
        Indexes = indexes ?? [];
        KeyColumnIndexes = keyColumns.Select(k => FindColumn(columns, k)).ToArray();
    }

    /// <summary>Table name.</summary>
    public string Name { get; }

    /// <summary>Columns in value order.</summary>
    public IReadOnlyList<ReadModelColumn> Columns { get; }

    /// <summary>Primary key columns.</summary>
    public IReadOnlyList<string> KeyColumns { get; }

    /// <summary>Unique constraints.</summary>
    public IReadOnlyList<IReadOnlyList<string>> UniqueIndexes { get; }

    /// <summary>Plain indexes.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Indexes { get; }

    internal IReadOnlyList<int> KeyColumnIndexes { get; }

    internal void CheckValues(ReadModelChange change)
    {
        if (change.Kind == ReadModelChangeKind.Upsert)
        {
            if (change.Values.Count != Columns.Count)
            {
                throw new ArgumentException($"Upsert into '{Name}' gives {change.Values.Count} values for {Columns.Count} columns.", nameof(change));
            }

            for (var i = 0; i < Columns.Count; i++)
            {
                CheckValue(Columns[i], change.Values[i]);
            }
        }
        else
        {
            if (change.Values.Count != KeyColumns.Count)
            {
                throw new ArgumentException($"Delete from '{Name}' gives {change.Values.Count} key values for {KeyColumns.Count} key columns.", nameof(change));
            }

            for (var i = 0; i < KeyColumns.Count; i++)
            {
                CheckValue(Columns[KeyColumnIndexes[i]], change.Values[i]);
            }
        }
    }

    private void CheckValue(ReadModelColumn column, object? value)
    {
        if (value is null)
        {
            if (!column.Nullable)
            {
                throw new ArgumentException($"Column '{Name}.{column.Name}' is not nullable.", nameof(value));
            }

            return;
        }

        var ok = column.Type switch
        {
            ReadModelColumnType.Integer => value is long,
            ReadModelColumnType.Text => value is string,
            ReadModelColumnType.Blob => value is byte[],
            ReadModelColumnType.Real => value is double,
            _ => false,
        };
        if (!ok)
        {
            throw new ArgumentException($"Column '{Name}.{column.Name}' is {column.Type}; got a {value.GetType().Name}.", nameof(value));
        }
    }

    private static int FindColumn(IReadOnlyList<ReadModelColumn> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckColumns(string table, HashSet<string> known, IReadOnlyList<string> names, string parameter)
    {
        if (names.Count == 0)
        {
            throw new ArgumentException($"An index of read-model table '{table}' has no columns.", parameter);
        }

        foreach (var column in names)
        {
            if (!known.Contains(column))
            {
                throw new ArgumentException($"Read-model table '{table}' has no column '{column}'.", parameter);
            }
        }
    }
}
