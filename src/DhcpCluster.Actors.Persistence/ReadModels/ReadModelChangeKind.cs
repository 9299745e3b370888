namespace DhcpCluster.Actors.Persistence.ReadModels;

/// <summary>What a <see cref="ReadModelChange"/> does.</summary>
public enum ReadModelChangeKind
{
    /// <summary>Insert the row, or replace the row with the same key.</summary>
    Upsert,

    /// <summary>Delete the row with the key.</summary>
    Delete,
}
