namespace DhcpCluster.Node.Tests.Configuration;

/// <summary>Reads the key table rows of HOCON-reference.md.</summary>
internal static class HoconReferenceDocument
{
    public static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "HOCON-reference.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Cluster.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("HOCON-reference.md not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<HoconReferenceRow> Rows(string path)
    {
        var rows = new List<HoconReferenceRow>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 5)
            {
                throw new FormatException($"{path}:{i + 1}: a key row needs 5 cells (path, type, default, meaning, mirrors): {line}");
            }

            rows.Add(new HoconReferenceRow(cells[0].Trim('`'), cells[1], cells[2], i + 1));
        }

        return rows;
    }
}
