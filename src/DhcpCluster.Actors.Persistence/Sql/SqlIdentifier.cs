namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>Checks names that are put into SQL text (tables, columns): plain identifiers only.</summary>
internal static class SqlIdentifier
{
    public static void Validate(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        var ok = name.Length <= 63 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        for (var i = 1; ok && i < name.Length; i++)
        {
            ok = char.IsAsciiLetterOrDigit(name[i]) || name[i] == '_';
        }

        if (!ok)
        {
            throw new ArgumentException($"'{name}' is not a valid SQL identifier (letters, digits and '_', starting with a letter or '_', at most 63 characters).", parameter);
        }
    }
}
