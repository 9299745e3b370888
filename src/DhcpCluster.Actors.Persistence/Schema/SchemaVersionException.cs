namespace DhcpCluster.Actors.Persistence.Schema;

/// <summary>The database's schema is missing, older or newer than this program understands.</summary>
public sealed class SchemaVersionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaVersionException(int? installedVersion, int requiredVersion, string message)
        : base(message)
    {
        InstalledVersion = installedVersion;
        RequiredVersion = requiredVersion;
    }

    /// <summary>Creates the exception.</summary>
    public SchemaVersionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SchemaVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The version found (null: no schema).</summary>
    public int? InstalledVersion { get; }

    /// <summary>The version this program needs.</summary>
    public int RequiredVersion { get; }
}
