using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DhcpCluster.Actors.Persistence.Sqlite;

/// <summary>
/// One statement prepared once on a writer connection and run through SQLite's own calls: binding a value and
/// stepping allocate nothing (Microsoft.Data.Sqlite's command path builds a binder per parameter, a data reader
/// and its row-id map per execution, and boxes every integer; measured: a fifth of the node's allocations under
/// load). It runs inside whatever transaction the connection has open. Errors surface as
/// <see cref="SqliteException"/>, as from a command, so constraint checks see the same codes and messages.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private const int SqliteRow = 100;
    private const int SqliteDone = 101;
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>The 1-based index of the named parameter <paramref name="name"/> (with its prefix, e.g. <c>@v0</c>).</summary>
    public int ParameterIndex(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Binds text (UTF-16, converted by SQLite: no managed copy); null binds NULL.</summary>
    public void Bind(int index, string? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        { Length: 0 } => raw.sqlite3_bind_text(_statement, index, string.Empty),
        _ => raw.sqlite3_bind_text16(_statement, index, value.AsSpan()),
    });

    /// <summary>Binds a blob (SQLite copies it); an empty one stays an empty blob, not NULL.</summary>
    public void Bind(int index, ReadOnlySpan<byte> value) =>
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Binds a read-model value: an integer, text, blob, real or null.</summary>
    public void BindValue(int index, object? value)
    {
        switch (value)
        {
            case null:
                Check(raw.sqlite3_bind_null(_statement, index));
                break;
            case long integer:
                Bind(index, integer);
                break;
            case int integer:
                Bind(index, integer);
                break;
            case string text:
                Bind(index, text);
                break;
            case byte[] blob:
                Bind(index, blob);
                break;
            case double real:
                Check(raw.sqlite3_bind_double(_statement, index, real));
                break;
            default:
                throw new ArgumentException($"A read-model value of type {value.GetType().Name} cannot be stored.", nameof(value));
        }
    }

    /// <summary>Runs the statement once and resets it; returns the first column of its first row (RETURNING), else 0.</summary>
    public long Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result == SqliteRow)
            {
                return raw.sqlite3_column_int64(_statement, 0);
            }

            if (result != SqliteDone)
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }

            return 0;
        }
        finally
        {
            // Changes happen in the first step (also with RETURNING); the reset ends the statement and repeats a
            // failed step's error code, which was thrown above.
            _ = raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Whether the connection has a transaction open (SQLite is out of autocommit mode).</summary>
    public bool InTransaction => raw.sqlite3_get_autocommit(_database) == 0;

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
