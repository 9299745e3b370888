namespace DhcpCluster.Actors.Persistence.ReadModels;

/// <summary>A column of a read-model table.</summary>
/// <param name="Name">SQL identifier (letters, digits, '_'; starts with a letter or '_').</param>
/// <param name="Type">Its type.</param>
/// <param name="Nullable">Whether it may hold null.</param>
public sealed record ReadModelColumn(string Name, ReadModelColumnType Type, bool Nullable = false);
