namespace DhcpCluster.Cli.Rendering;

/// <summary>A table for people: a header row and rows, columns padded to their widest cell, separated by two spaces.</summary>
public sealed class TextTable
{
    private readonly string[] _header;
    private readonly List<string[]> _rows = [];

    /// <summary>A table with these column titles.</summary>
    public TextTable(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _header = header;
    }

    /// <summary>Adds a row (as many cells as columns).</summary>
    /// <exception cref="ArgumentException">The cell count differs from the column count.</exception>
    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _header.Length)
        {
            throw new ArgumentException($"a row needs {_header.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table.</summary>
    public void WriteTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var widths = new int[_header.Length];
        foreach (var row in _rows.Prepend(_header))
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in _rows.Prepend(_header))
        {
            var line = string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i])));
            output.WriteLine(line.TrimEnd());
        }
    }
}
