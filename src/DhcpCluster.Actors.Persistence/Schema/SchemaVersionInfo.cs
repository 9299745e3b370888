namespace DhcpCluster.Actors.Persistence.Schema;

/// <summary>The schema version found in a database and the one this program writes.</summary>
/// <param name="Installed">Version in the database (null: not initialized).</param>
/// <param name="Current">Version this program needs.</param>
public sealed record SchemaVersionInfo(int? Installed, int Current)
{
    /// <summary>True when the database can be used as is.</summary>
    public bool IsCurrent => Installed == Current;
}
